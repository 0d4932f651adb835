# The two commands a new user needs. Both install whatever is missing first.
.PHONY: serve test build figures
serve:  ## build and serve the app at http://127.0.0.1:8080/ (live reload)
	@bash scripts/serve.sh
test:   ## every check: fmt, clippy, native tests, release build + size budget, browser tests
	@bash scripts/test.sh
build:  ## the static release site in dist/, hostable under any path
	@bash scripts/setup.sh && . scripts/env.sh && trunk build --release --public-url ./
figures: ## regenerate the README's measured figures (docs/figures/; the 1997 runs take minutes)
	@bash scripts/setup.sh test && . scripts/env.sh && trunk build --release --public-url ./ \
		&& bash scripts/figures.sh bundle && bash scripts/figures.sh browser \
		&& bash scripts/figures.sh repro && bash scripts/figures.sh tests && bash scripts/figures.sh shipping \
		&& bash scripts/figures.sh readme
