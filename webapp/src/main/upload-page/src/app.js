// The upload page: sign in, choose a bucket, drop files and folders on Uppy's dashboard, upload them by S3
// multipart (parts presigned here, sent in parallel) or by tus (resumable after a reload), and see, download
// and delete what the bucket holds.
import Uppy from '@uppy/core'
import Dashboard from '@uppy/dashboard'
import AwsS3 from '@uppy/aws-s3'
import Tus from '@uppy/tus'
import '@uppy/core/css/style.min.css'
import '@uppy/dashboard/css/style.min.css'
import './page.css'
import { S3Storage, SwiftStorage } from './storage.js'

const MiB = 1024 * 1024
const PART_SIZE = 5 * MiB
const PAGE_RETRY_DELAYS = [1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000]
// Kept for the tab's life only, so a reload (which tus resumes from) does not ask again.
const SESSION_KEY = 's3multi.session'

const $ = (selector) => document.querySelector(selector)
let storage = null
let uppy = null

function defaultEndpoint() {
  return new URLSearchParams(location.search).get('gateway') ?? location.origin
}

function storageOf(session) {
  return session.kind === 's3' ? new S3Storage(session) : new SwiftStorage(session)
}

async function signIn(event) {
  event.preventDefault()
  $('#sign-in-error').textContent = ''
  const endpoint = $('#endpoint').value.replace(/\/+$/, '')
  const kind = document.querySelector('input[name=kind]:checked').value
  try {
    let session
    if (kind === 's3') {
      session = { kind, endpoint, region: $('#region').value, accessKey: $('#access-key').value, secretKey: $('#secret-key').value }
    } else if ($('#swift-token').value) {
      session = { kind, endpoint, token: $('#swift-token').value, storagePath: $('#storage-path').value }
    } else {
      session = { kind, endpoint, ...await SwiftStorage.signIn(endpoint, $('#swift-user').value, $('#swift-key').value) }
    }
    await open(session)
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session))
  } catch (error) {
    $('#sign-in-error').textContent = `Sign-in failed: ${error.message}`
  }
}

async function open(session) {
  storage = storageOf(session)
  const params = new URLSearchParams(location.search)
  let buckets = []
  try {
    buckets = await storage.listBuckets()
  } catch (error) {
    // From another origin the bucket list is out of reach: CORS rules belong to buckets, and this is no bucket.
    // Wrong keys still show up at the first listing of a bucket.
    if (!(error instanceof TypeError)) throw error
    $('#bucket-note').textContent = 'The bucket list cannot be read from this page\'s origin: type the bucket name.'
  }
  $('#buckets').replaceChildren(...buckets.map((name) => new Option(name, name)))
  const remembered = params.get('bucket') ?? sessionStorage.getItem(`${SESSION_KEY}.bucket`)
  $('#bucket').value = remembered ?? (buckets.length === 1 ? buckets[0] : '')
  $('#mode-s3').disabled = !storage.awsS3Options('')
  const mode = sessionStorage.getItem(`${SESSION_KEY}.mode`)
  if (mode === 'tus' || $('#mode-s3').disabled) $('#mode-tus').checked = true
  $('#who').textContent = session.kind === 's3' ? session.accessKey : 'Swift token'
  $('#sign-in').hidden = true
  $('#workspace').hidden = false
  $('#sign-out').hidden = false
  await setUpUploads()
}

function signOut() {
  sessionStorage.clear()
  location.reload()
}

function bucket() {
  return $('#bucket').value.trim()
}

function mode() {
  return document.querySelector('input[name=mode]:checked').value
}

async function setUpUploads() {
  const chosen = { bucket: bucket(), mode: mode() }
  sessionStorage.setItem(`${SESSION_KEY}.bucket`, chosen.bucket)
  sessionStorage.setItem(`${SESSION_KEY}.mode`, chosen.mode)
  const tus = chosen.bucket && chosen.mode === 'tus' ? await storage.tusOptions(chosen.bucket) : null
  // A later choice made while this one was being prepared wins.
  if (chosen.bucket !== bucket() || chosen.mode !== mode()) return
  uppy?.destroy()
  uppy = null
  document.body.dataset.uploads = 'idle'
  if (!chosen.bucket) return
  uppy = new Uppy({ id: `s3multi-${chosen.mode}`, autoProceed: false })
    .use(Dashboard, {
      inline: true,
      target: '#dashboard',
      height: 380,
      width: '100%',
      fileManagerSelectionType: 'both',
      showProgressDetails: true,
      proudlyDisplayPoweredByUppy: false,
      note: chosen.mode === 's3' ? 'S3 multipart: 5 MiB parts, 4 at a time per file'
        : 'tus: after a reload, add the same file again and it continues where it stopped',
    })
  // A file dropped inside a folder keeps its path under the folder as its key.
  uppy.on('file-added', (file) => uppy.setFileMeta(file.id, { filename: file.meta.relativePath || file.name }))
  if (chosen.mode === 's3') {
    uppy.use(AwsS3, {
      ...storage.awsS3Options(chosen.bucket),
      shouldUseMultipart: (file) => file.size > PART_SIZE,
      getChunkSize: () => PART_SIZE,
      generateObjectKey: (file) => file.meta.filename,
    })
  } else {
    uppy.use(Tus, {
      ...tus,
      chunkSize: 8 * MiB,
      retryDelays: [0, 1000, 2000, 4000, 8000, 8000, 8000, 8000],
      onShouldRetry: (error, attempt, options, next) => {
        countRetry()
        return next(error)
      },
    })
  }
  const retrying = retryByItself(uppy)
  uppy.on('upload', () => { document.body.dataset.uploads = 'running' })
  uppy.on('complete', (result) => {
    if (retrying.size) return
    document.body.dataset.uploads = result.failed.length ? 'failed' : 'complete'
    refresh()
  })
  uppy.on('cancel-all', () => { document.body.dataset.uploads = 'cancelled' })
  window.s3multiPage = { uppy, ...chosen }
  refresh()
}

// Counted where tests and curious users can see it: how often the page retried a broken request.
function countRetry() {
  document.body.dataset.retries = String(Number(document.body.dataset.retries ?? 0) + 1)
}

// Uppy's uploaders give up after a few quick tries (S3 multipart: 3 retries within about 2 s, tus: its
// retryDelays); a gateway that is away for longer, or a network that drops for a while, should not need a click
// on Retry. A file whose request failed without an answer, or with a 5xx or 429, is retried by the page,
// waiting longer each time; it continues from the parts or the offset the server has. Returns the files that
// wait for their retry.
function retryByItself(uppy) {
  const attempts = new Map()
  const waiting = new Set()
  uppy.on('upload-error', (file, error, response) => {
    const attempt = attempts.get(file.id) ?? 0
    if (!isTransient(error, response) || attempt >= PAGE_RETRY_DELAYS.length) return
    attempts.set(file.id, attempt + 1)
    waiting.add(file.id)
    countRetry()
    setTimeout(() => {
      waiting.delete(file.id)
      // retryUpload, unlike upload and retryAll, does not announce the end of what it ran: the page does.
      if (uppy.getFile(file.id)) uppy.retryUpload(file.id).then((result) => uppy.emit('complete', result))
    }, PAGE_RETRY_DELAYS[attempt])
  })
  uppy.on('upload-success', (file) => attempts.delete(file.id))
  return waiting
}

// By the errors' fields, not their class names (the bundle is minified): @uppy/aws-s3 throws an S3NetworkError
// (code NETWORK) when no answer came and an S3ServiceError (status) when one did; tus-js-client a DetailedError
// with the request that went out and the answer, if any.
function isTransient(error, response) {
  if (!error) return false
  if (error.code === 'NETWORK') return true
  const status = response?.status ?? error.status ?? error.originalResponse?.getStatus()
  if (status) return status === 429 || status >= 500
  return error.originalRequest != null
}

const sizeText = (bytes) => bytes < 1024 ? `${bytes} B`
  : bytes < MiB ? `${(bytes / 1024).toFixed(1)} KiB`
    : bytes < 1024 * MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${(bytes / 1024 / MiB).toFixed(2)} GiB`

function button(text, className, action) {
  const element = Object.assign(document.createElement('button'), { textContent: text, className, type: 'button' })
  element.addEventListener('click', action)
  return element
}

async function refresh() {
  $('#listing-error').textContent = ''
  const name = bucket()
  try {
    const objects = name ? await storage.listObjects(name) : []
    $('#objects tbody').replaceChildren(...objects.map((object) => {
      const row = document.createElement('tr')
      row.dataset.key = object.key
      const cells = [object.key, sizeText(object.size), object.modified.toLocaleString()]
        .map((text) => Object.assign(document.createElement('td'), { textContent: text }))
      const actions = document.createElement('td')
      actions.append(
        button('Download', 'download', () => storage.download(name, object.key).catch(showListingError)),
        button('Delete', 'delete', async () => {
          if (!confirm(`Delete ${object.key}?`)) return
          await storage.remove(name, object.key).then(refresh, showListingError)
        }))
      row.append(...cells, actions)
      return row
    }))
    $('#objects').dataset.bucket = name
  } catch (error) {
    showListingError(error)
  }
}

function showListingError(error) {
  $('#listing-error').textContent = `${bucket()}: ${error.message}`
}

function showKindFields() {
  const kind = document.querySelector('input[name=kind]:checked').value
  for (const fields of document.querySelectorAll('[data-kind]')) fields.hidden = fields.dataset.kind !== kind
}

$('#endpoint').value = defaultEndpoint()
$('#sign-in').addEventListener('submit', signIn)
$('#sign-out').addEventListener('click', signOut)
$('#refresh').addEventListener('click', refresh)
$('#bucket').addEventListener('change', setUpUploads)
for (const radio of document.querySelectorAll('input[name=mode]')) radio.addEventListener('change', setUpUploads)
for (const radio of document.querySelectorAll('input[name=kind]')) radio.addEventListener('change', showKindFields)
// A reload keeps the form's choices (the browser restores them): show the fields of the kind that is checked.
showKindFields()
const saved = sessionStorage.getItem(SESSION_KEY)
// Ready once a tab that was signed in is signed in again (or its sign-in failed): not before, or a click on the
// sign-in form could land while it is about to be hidden.
const restored = saved ? open(JSON.parse(saved)).catch((error) => { $('#sign-in-error').textContent = error.message })
  : Promise.resolve()
restored.finally(() => { document.body.dataset.ready = 'true' })
