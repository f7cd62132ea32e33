// What the page does with a bucket besides uploading (list buckets, list objects, download, delete), once per
// sign-in kind: S3 keys (every request signed in the page: presigned, but for tus's creation POST) and a Swift
// token (the native API through the gateway's proxy_server, the token in X-Auth-Token).
import { authorizationHeaders, objectPath, presign, uriEncode } from './sigv4.js'

async function checked(response) {
  if (!response.ok) {
    const text = await response.text()
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1]
    throw new Error(`${response.status} ${code ?? response.statusText}`)
  }
  return response
}

export class S3Storage {
  constructor({ endpoint, region, accessKey, secretKey }) {
    this.endpoint = endpoint
    this.credentials = { accessKey, secretKey, region }
  }

  sign(method, path, query = {}) {
    return presign({ method, endpoint: this.endpoint, path, query, credentials: this.credentials })
  }

  async listBuckets() {
    const response = await checked(await fetch(await this.sign('GET', '/')))
    const xml = new DOMParser().parseFromString(await response.text(), 'application/xml')
    return [...xml.getElementsByTagName('Bucket')]
      .map((bucket) => bucket.getElementsByTagName('Name')[0].textContent)
  }

  async listObjects(bucket) {
    const objects = []
    let token
    do {
      const query = { 'list-type': '2', ...(token ? { 'continuation-token': token } : {}) }
      const response = await checked(await fetch(await this.sign('GET', objectPath(bucket), query)))
      const xml = new DOMParser().parseFromString(await response.text(), 'application/xml')
      for (const entry of xml.getElementsByTagName('Contents')) {
        const field = (name) => entry.getElementsByTagName(name)[0]?.textContent
        objects.push({ key: field('Key'), size: Number(field('Size')), modified: new Date(field('LastModified')) })
      }
      token = xml.getElementsByTagName('NextContinuationToken')[0]?.textContent
    } while (token)
    return objects
  }

  async download(bucket, key) {
    const name = key.split('/').pop()
    const url = await this.sign('GET', objectPath(bucket, key),
      { 'response-content-disposition': `attachment; filename*=UTF-8''${uriEncode(name)}` })
    const link = Object.assign(document.createElement('a'), { href: url, download: name })
    link.click()
  }

  async remove(bucket, key) {
    await checked(await fetch(await this.sign('DELETE', objectPath(bucket, key)), { method: 'DELETE' }))
  }

  /** Options of @uppy/aws-s3 (never null: S3 keys can sign multipart): every request it makes is presigned here. */
  awsS3Options(bucket) {
    return {
      signRequest: async (request) => {
        const query = {}
        if (request.uploadId) query.uploadId = request.uploadId
        if (request.partNumber) query.partNumber = String(request.partNumber)
        if (request.method === 'POST' && !request.uploadId) query.uploads = ''
        return { url: await this.sign(request.method, objectPath(bucket, request.key), query) }
      },
    }
  }

  /**
   * Options of @uppy/tus: the creation POST is signed in its headers; the upload URL it answers carries its own
   * capability. Not presigned: tus remembers an upload (for a page reload) under its endpoint URL, which has to
   * be the same after the reload for the upload to resume.
   */
  async tusOptions(bucket) {
    const endpoint = new URL(`/tus/${uriEncode(bucket)}/`, this.endpoint).href
    const credentials = this.credentials
    return {
      endpoint,
      headers: {},
      onBeforeRequest: async (request) => {
        if (request.getMethod() !== 'POST' || request.getURL() !== endpoint) return
        for (const [name, value] of Object.entries(await authorizationHeaders({ method: 'POST', url: endpoint, credentials }))) {
          request.setHeader(name, value)
        }
      },
    }
  }
}

export class SwiftStorage {
  constructor({ endpoint, storagePath, token }) {
    this.endpoint = endpoint
    this.storagePath = storagePath
    this.token = token
  }

  static async signIn(endpoint, user, key) {
    const response = await checked(await fetch(new URL('/auth/v1.0', endpoint),
      { headers: { 'X-Auth-User': user, 'X-Auth-Key': key } }))
    return {
      token: response.headers.get('X-Auth-Token'),
      storagePath: new URL(response.headers.get('X-Storage-Url')).pathname,
    }
  }

  get(path, init = {}) {
    return fetch(new URL(this.storagePath + path, this.endpoint),
      { ...init, headers: { 'X-Auth-Token': this.token, ...(init.headers ?? {}) } }).then(checked)
  }

  async listBuckets() {
    const containers = await (await this.get('?format=json')).json()
    return containers.map((container) => container.name).filter((name) => !name.endsWith('_segments'))
  }

  async listObjects(bucket) {
    const objects = []
    let marker = ''
    for (;;) {
      const page = await (await this.get(`/${uriEncode(bucket)}?format=json&marker=${uriEncode(marker)}`)).json()
      if (page.length === 0) return objects
      for (const entry of page) {
        objects.push({ key: entry.name, size: entry.bytes, modified: new Date(entry.last_modified + 'Z') })
      }
      marker = page[page.length - 1].name
    }
  }

  async download(bucket, key) {
    const blob = await (await this.get(`/${uriEncode(bucket)}/${key.split('/').map(uriEncode).join('/')}`)).blob()
    const link = Object.assign(document.createElement('a'),
      { href: URL.createObjectURL(blob), download: key.split('/').pop() })
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
  }

  async remove(bucket, key) {
    await this.get(`/${uriEncode(bucket)}/${key.split('/').map(uriEncode).join('/')}`, { method: 'DELETE' })
  }

  /** None: a Swift token cannot sign S3 requests, so with a token the page uploads by tus only. */
  awsS3Options() {
    return null
  }

  async tusOptions(bucket) {
    // The tus stage takes the account from X-Swift-Account (Swift decides whether the token may write there).
    const account = this.storagePath.split('/')[2]
    return {
      endpoint: new URL(`/tus/${uriEncode(bucket)}/`, this.endpoint).href,
      headers: { 'X-Auth-Token': this.token, 'X-Swift-Account': account },
    }
  }
}
