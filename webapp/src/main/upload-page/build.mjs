// Bundles the upload page into the directory given as the first argument (the Maven build passes
// target/classes/s3multi-upload-page): index.html, app-<hash>.js, app-<hash>.css and files.txt, the list of
// files the gateway serves (a class path cannot be listed inside a jar). The bundled names carry a content
// hash, so the gateway may let browsers cache them for a year; index.html names them and is revalidated.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, writeFile, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'

const here = path.dirname(new URL(import.meta.url).pathname)

// `npm ci` (the exact versions of package-lock.json, fetched from the npm registry) only when the lock file
// changed since the last install here: it takes seconds even from npm's cache, and every webapp build runs this.
const lockHash = createHash('sha256').update(await readFile(path.join(here, 'package-lock.json'))).digest('hex')
const stamp = path.join(here, 'node_modules', '.installed-lock-sha256')
if (await readFile(stamp, 'utf8').catch(() => '') !== lockHash) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' })
  await writeFile(stamp, lockHash)
}
const esbuild = await import('esbuild')
const out = path.resolve(process.argv[2] ?? path.join(here, 'dist'))
const PART_CONCURRENCY = 4

// @uppy/aws-s3 6.x uploads the parts of one file one after another; S3 multipart is worth its cost when
// parts travel in parallel. This rewrites the one loop that sends them into PART_CONCURRENCY workers that
// take the next part to send; the rest of Uppy's uploader (state, progress, abort, resume) is unchanged.
// The build fails if the pinned version's loop is not found, rather than silently uploading in series.
const SERIAL_LOOP = 'async #uploadRemainingParts(signal) {\n        for (let i = 0; i < this.#chunks.length; i++) {'
const SERIAL_END = '        }\n        const parts = this.#chunkState.flatMap('
const parallelParts = {
  name: 'parallel-parts',
  setup(build) {
    build.onLoad({ filter: /@uppy[\\/]aws-s3[\\/]lib[\\/]S3Uploader\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      if (!source.includes(SERIAL_LOOP) || !source.includes(SERIAL_END)) {
        throw new Error(`${args.path}: the part loop to parallelise was not found (another @uppy/aws-s3 version?)`)
      }
      const contents = source
        .replace(SERIAL_LOOP, 'async #uploadRemainingParts(signal) {\n'
          + '        let nextPart = 0; let failed = false;\n'
          + '        const worker = async () => { try { for (let i; !failed && (i = nextPart++) < this.#chunks.length;) {')
        .replace(SERIAL_END, '        } } catch (e) { failed = true; throw e; } };\n'
          + `        await Promise.all(Array.from({ length: ${PART_CONCURRENCY} }, worker));\n`
          + '        const parts = this.#chunkState.flatMap(')
      return { contents, loader: 'js' }
    })
  },
}

await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })
const result = await esbuild.build({
  entryPoints: [path.join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  entryNames: '[name]-[hash]',
  outdir: out,
  metafile: true,
  legalComments: 'linked',
  plugins: [parallelParts],
  logLevel: 'warning',
})
const built = Object.keys(result.metafile.outputs).map((file) => path.basename(file))
const script = built.find((name) => name.endsWith('.js'))
const style = built.find((name) => name.endsWith('.css'))
const html = (await readFile(path.join(here, 'src/index.html'), 'utf8'))
  .replace('{{script}}', script).replace('{{style}}', style)
await writeFile(path.join(out, 'index.html'), html)
await writeFile(path.join(out, 'files.txt'), ['index.html', ...built].join('\n') + '\n')
console.log(`upload page: ${['index.html', ...built].join(', ')} in ${out}`)
