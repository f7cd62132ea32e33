// Uploads one file with tus-js-client under Node.js, as an app on a bad network does: the file is read as a
// stream (one PATCH from the offset to the end, or PATCHes of chunkSize bytes), and after a broken connection the
// client finds the offset with HEAD and goes on with PATCH by itself. The integration tests run it (TusJsClient);
// tus-js-client comes from the upload page's npm tree (NODE_PATH), fetched by the Maven build.
//
// Arguments: <creation URL, e.g. presigned> <file> <filename metadata> [chunkSize]
// Prints one JSON line per event: {"event":"retry",...}, {"event":"success","url":...} or {"event":"error",...}.
'use strict'
const fs = require('fs')
const tus = require('tus-js-client')

const [endpoint, file, filename, chunkSize] = process.argv.slice(2)
const print = (event) => process.stdout.write(JSON.stringify(event) + '\n')

const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  metadata: { filename, filetype: 'application/octet-stream' },
  chunkSize: chunkSize ? Number(chunkSize) : Infinity,
  // Enough retries to outlast a gateway restart; the test's proxy holds connections while it restarts one.
  retryDelays: [0, 500, 1000, 2000, 4000, 8000, 8000, 8000],
  onShouldRetry(error, attempt) {
    const status = error.originalResponse ? error.originalResponse.getStatus() : 0
    // tus-js-client's own rule: a network error, a 5xx, 409 or 423 is worth a retry.
    const retry = status === 0 || status >= 500 || status === 409 || status === 423
    print({ event: 'retry', attempt, status, retry, message: String(error.message).slice(0, 400) })
    return retry
  },
  onSuccess() {
    print({ event: 'success', url: upload.url })
    process.exit(0)
  },
  onError(error) {
    print({ event: 'error', message: String(error.message).slice(0, 2000) })
    process.exit(1)
  },
})
upload.start()
