// Packs the OML JSON Schema (written by `osiris schema`, kept in schemas/ at the repository root) into the extension.
'use strict';
const fs = require('fs');
const path = require('path');

const source = process.env.OSIRIS_SCHEMA || path.join(__dirname, '..', '..', '..', 'schemas', 'oml-0.2.0.schema.json');
const target = path.join(__dirname, '..', 'schemas', 'oml-0.2.0.schema.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
console.log(`copied ${source} to ${target}`);
