#!/usr/bin/env node
// The package's command. A committed file (not dist/cli.js itself) so that npm links it even
// when the package is installed before it is built, as this repository's workspace is.
require('../dist/cli.js');
