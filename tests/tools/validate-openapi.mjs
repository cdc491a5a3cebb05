// Validates an OpenAPI document against the official OpenAPI JSON Schemas (3.0/3.1) and prints
// { valid, version, errors } as JSON. Usage: node validate-openapi.mjs <file.json>
import { readFile } from "node:fs/promises";
import { Validator } from "@seriousme/openapi-schema-validator";

const validator = new Validator();
const document = JSON.parse(await readFile(process.argv[2], "utf8"));
const result = await validator.validate(document);
process.stdout.write(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors ?? [] }));
process.exit(result.valid ? 0 : 1);
