// @ts-check
// `npm run openapi:extract [-- --version X.Y.Z]`: fetches GitHub's OpenAPI description (the npm
// package @octokit/openapi, ~385 MB unpacked, so never a dependency) into a temporary directory,
// and writes the operations the fake GitHub serves to test/fakes/openapi/github-operations.json:
// per operationId its method, path template, path and query parameters, JSON request body and
// JSON responses per status (schema and examples). Descriptions, summaries, schema-level
// `example`s and vendor extensions are dropped; every schema keyword that validates is kept as
// published. test/fakes/openapi.js compiles the file into the fake's request and answer checks.
//
// To follow GitHub: bump VERSION (or pass --version), run this, review the diff, commit. An
// operationId that is missing, or appears twice, stops the script. `-- --check` writes nothing and
// exits 1 when the committed file differs from what the pinned version gives.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PACKAGE = '@octokit/openapi'
export const VERSION = '23.0.2'
/** The dereferenced description of api.github.com (GitHub.com), inside the package. */
export const SOURCE_FILE = 'generated/api.github.com.deref.json'
export const OPERATION_IDS = [
  'actions/get-repo-public-key',
  'actions/get-environment-public-key',
  'actions/get-org-public-key',
  'actions/create-or-update-repo-secret',
  'actions/create-or-update-environment-secret',
  'actions/create-or-update-org-secret',
  'actions/delete-repo-secret',
  'actions/delete-environment-secret',
  'actions/delete-org-secret',
  'actions/get-org-secret',
  'actions/list-selected-repos-for-org-secret',
  'repos/get',
  // The failure issue (src/notify/): find the open one by label, open one, comment, close.
  'issues/list-for-repo',
  'issues/create',
  'issues/create-comment',
  'issues/update'
]
/** Where GitHub's generic error body (`basic-error`) is taken from: repos/get documents it. */
const BASIC_ERROR_FROM = { operationId: 'repos/get', status: '404' }

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const OUTPUT = join(ROOT, 'test', 'fakes', 'openapi', 'github-operations.json')
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']
const JSON_TYPE = 'application/json'

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = ['items', 'not', 'additionalProperties', 'additionalItems', 'contains']
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf']
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties']
/** Prose and documentation-only keywords: nothing validates against them. */
const PROSE = new Set(['description', 'summary', 'example', 'examples', 'externalDocs'])

/**
 * A copy of a schema without prose (see PROSE) and vendor extensions (x-*). Only schema
 * positions are walked: `properties` keys (a property may well be called "description"),
 * `enum` and `default` values are data and stay as they are.
 * @param {unknown} schema
 * @param {string} where for error messages
 * @returns {unknown}
 */
export function stripSchema(schema, where) {
  if (typeof schema === 'boolean') return schema
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    throw new Error(`${where}: not a schema`)
  /** @type {Record<string, unknown>} */
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') throw new Error(`${where}: unresolved $ref ${String(value)}`)
    if (PROSE.has(key) || key.startsWith('x-')) continue
    if (SCHEMA_KEYWORDS.includes(key)) {
      out[key] = Array.isArray(value)
        ? value.map((s, i) => stripSchema(s, `${where}/${key}/${i}`))
        : stripSchema(value, `${where}/${key}`)
    } else if (SCHEMA_ARRAY_KEYWORDS.includes(key)) {
      out[key] = /** @type {unknown[]} */ (value).map((s, i) =>
        stripSchema(s, `${where}/${key}/${i}`)
      )
    } else if (SCHEMA_MAP_KEYWORDS.includes(key)) {
      out[key] = Object.fromEntries(
        Object.entries(/** @type {Record<string, unknown>} */ (value)).map(([name, s]) => [
          name,
          stripSchema(s, `${where}/${key}/${name}`)
        ])
      )
    } else out[key] = value
  }
  return out
}

/**
 * The `examples` of a media type as name → value (their summaries dropped).
 * @param {Record<string, { value?: unknown }> | undefined} examples
 */
function exampleValues(examples) {
  if (!examples) return undefined
  const entries = Object.entries(examples).filter(([, e]) => 'value' in e)
  return entries.length
    ? Object.fromEntries(entries.map(([name, e]) => [name, e.value]))
    : undefined
}

/**
 * @param {any} content an OpenAPI `content` map
 * @param {string} where
 */
function jsonContent(content, where) {
  if (content === undefined) return {}
  const types = Object.keys(content)
  // Some errors are also described as application/scim+json (issues/create's 400): the fake
  // answers JSON only, so only the JSON description is kept.
  const others = types.filter(type => type !== JSON_TYPE && type !== 'application/scim+json')
  if (!types.includes(JSON_TYPE) || others.length > 0)
    throw new Error(`${where}: content ${types.join(', ')}; only ${JSON_TYPE} is handled`)
  const media = content[JSON_TYPE]
  /** @type {{ schema?: unknown, examples?: Record<string, unknown> }} */
  const out = {}
  if (media.schema !== undefined) out.schema = stripSchema(media.schema, `${where}/schema`)
  const examples = exampleValues(media.examples)
  if (examples) out.examples = examples
  return out
}

/**
 * @param {string} path
 * @param {string} method
 * @param {any} pathItem
 * @param {any} op
 */
function extractOperation(path, method, pathItem, op) {
  const where = `${op.operationId} (${method.toUpperCase()} ${path})`
  // Path-level parameters apply to every method unless the operation overrides them.
  /** @type {Map<string, any>} */
  const byKey = new Map()
  for (const p of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])])
    byKey.set(`${p.in}:${p.name}`, p)
  const parameters = [...byKey.values()]
    .filter(p => p.in === 'path' || p.in === 'query')
    .map(p => {
      /** @type {Record<string, unknown>} */
      const out = { name: p.name, in: p.in, required: p.required === true }
      for (const key of ['style', 'explode', 'allowEmptyValue']) if (key in p) out[key] = p[key]
      out.schema = stripSchema(p.schema ?? {}, `${where} parameter ${p.name}`)
      return out
    })
  /** @type {Record<string, unknown>} */
  const operation = { method: method.toUpperCase(), path, parameters }
  if (op.requestBody) {
    operation.requestBody = {
      required: op.requestBody.required === true,
      ...jsonContent(op.requestBody.content, `${where} requestBody`)
    }
  }
  operation.responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, r]) => [
      status,
      jsonContent(/** @type {any} */ (r).content, `${where} ${status}`)
    ])
  )
  return operation
}

/**
 * The extracted operations of a parsed description.
 * @param {any} description
 * @param {{ version: string, integrity?: string }} source
 */
export function extract(description, source) {
  /** @type {Map<string, { path: string, method: string, pathItem: any, op: any }[]>} */
  const found = new Map()
  for (const [path, pathItem] of Object.entries(description.paths)) {
    for (const method of METHODS) {
      const op = /** @type {any} */ (pathItem)[method]
      if (!op || !OPERATION_IDS.includes(op.operationId)) continue
      const list = found.get(op.operationId) ?? []
      list.push({ path, method, pathItem, op })
      found.set(op.operationId, list)
    }
  }
  /** @type {Record<string, unknown>} */
  const operations = {}
  for (const id of OPERATION_IDS) {
    const hits = found.get(id) ?? []
    if (hits.length !== 1)
      throw new Error(`operationId ${id}: found ${hits.length} times in ${SOURCE_FILE}`)
    const { path, method, pathItem, op } = /** @type {(typeof hits)[number]} */ (hits[0])
    operations[id] = extractOperation(path, method, pathItem, op)
  }
  const from = /** @type {any} */ (operations[BASIC_ERROR_FROM.operationId]).responses[
    BASIC_ERROR_FROM.status
  ]
  if (from?.schema?.title !== 'Basic Error')
    throw new Error(`${BASIC_ERROR_FROM.operationId} ${BASIC_ERROR_FROM.status}: no Basic Error`)
  return {
    source: {
      package: PACKAGE,
      version: source.version,
      ...(source.integrity ? { integrity: source.integrity } : {}),
      file: SOURCE_FILE,
      openapi: description.openapi,
      regenerate: `npm run openapi:extract${source.version === VERSION ? '' : ` -- --version ${source.version}`}`,
      generator: 'scripts/openapi/extract.js',
      stripped:
        'description, summary, example, externalDocs and x-* keywords (in schemas, parameters and examples); header and cookie parameters; response headers; tags and other operation prose'
    },
    operationIds: OPERATION_IDS,
    basicError: {
      from: `${BASIC_ERROR_FROM.operationId} ${BASIC_ERROR_FROM.status}`,
      schema: from.schema
    },
    operations
  }
}

/**
 * `npm pack` the package into a temporary directory and read the description out of it.
 * @param {string} version
 */
function fetchDescription(version) {
  const dir = mkdtempSync(join(tmpdir(), 'octokit-openapi-'))
  try {
    process.stderr.write(`npm pack ${PACKAGE}@${version} (about 29 MB) into ${dir}\n`)
    const packed = JSON.parse(
      execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024
      })
    )
    const { filename, integrity, version: packedVersion } = packed[0]
    if (packedVersion !== version) throw new Error(`npm pack gave ${packedVersion}, not ${version}`)
    // Only the one file is unpacked (73 MB of the package's 385).
    execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir, `package/${SOURCE_FILE}`], {
      stdio: 'inherit'
    })
    const text = readFileSync(join(dir, 'package', SOURCE_FILE), 'utf8')
    return { description: JSON.parse(text), integrity: /** @type {string} */ (integrity) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--version')
  const version = i >= 0 ? String(process.argv[i + 1]) : VERSION
  const { description, integrity } = fetchDescription(version)
  const text = `${JSON.stringify(extract(description, { version, integrity }), null, 2)}\n`
  const file = relative(ROOT, OUTPUT)
  const what = `${OPERATION_IDS.length} operations from ${PACKAGE}@${version} ${SOURCE_FILE}`
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUTPUT, 'utf8') === text
    process.stderr.write(
      same
        ? `${file} matches ${what}\n`
        : `${file} differs from ${what}: run \`npm run openapi:extract\` and review the diff\n`
    )
    process.exitCode = same ? 0 : 1
  } else {
    writeFileSync(OUTPUT, text)
    process.stderr.write(`wrote ${file}: ${what}, ${Math.round(text.length / 1024)} KB\n`)
  }
}
