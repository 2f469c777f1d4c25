#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('phuluc: chưa biên dịch — hãy chạy "npm install" hoặc "npm run build:cli" / not built yet: run "npm run build:cli"\n');
  process.exit(1);
}
require(entry).main(process.argv.slice(2));
