# The two commands a new user needs. Both install whatever is missing first.
.PHONY: serve test build
serve:  ## build and serve the app at http://127.0.0.1:8080/ (live reload)
	@bash scripts/serve.sh
test:   ## every check: fmt, clippy, native tests, release build + size budget, browser tests
	@bash scripts/test.sh
build:  ## the static release site in dist/, hostable under any path
	@bash scripts/setup.sh && . scripts/env.sh && trunk build --release --public-url ./
