// AWS Signature Version 4 in the browser (WebCrypto), for presigned URLs: the secret never leaves the page,
// every request goes out with its signature in the query string. WebCrypto exists only in secure contexts
// (https://, or http://localhost and http://127.0.0.1), hence the page's note for plain http.

const encoder = new TextEncoder()

/** RFC 3986 percent-encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export function uriEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

/** The path of an object (or a bucket when key is empty) with each segment encoded and the slashes kept. */
export function objectPath(bucket, key = '') {
  return '/' + uriEncode(bucket) + '/' + key.split('/').map(uriEncode).join('/')
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('')

async function sha256Hex(text) {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

async function hmac(key, text) {
  const raw = typeof key === 'string' ? encoder.encode(key) : key
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(text))
}

function amzDate(now) {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function requireWebCrypto() {
  if (!globalThis.crypto?.subtle) {
    throw new Error('This browser gives WebCrypto only to pages served over https or from localhost')
  }
}

/** The signature of a canonical request whose signed headers are given (names lowercase, sorted). */
async function signature({ method, path, canonicalQuery, headers, date, scope, secretKey, region }) {
  const names = Object.keys(headers)
  const canonicalHeaders = names.map((name) => `${name}:${headers[name]}\n`).join('')
  const canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, names.join(';'), 'UNSIGNED-PAYLOAD']
    .join('\n')
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, await sha256Hex(canonicalRequest)].join('\n')
  let key = await hmac('AWS4' + secretKey, date.slice(0, 8))
  for (const part of [region, 's3', 'aws4_request']) {
    key = await hmac(key, part)
  }
  return hex(await hmac(key, stringToSign))
}

/**
 * A presigned URL: method, endpoint (scheme://host[:port]), path (already encoded, see objectPath), query
 * parameters, credentials ({accessKey, secretKey, region}), lifetime in seconds.
 */
export async function presign({ method, endpoint, path, query = {}, credentials, expires = 900, now = new Date() }) {
  requireWebCrypto()
  const url = new URL(path, endpoint)
  const date = amzDate(now)
  const scope = `${date.slice(0, 8)}/${credentials.region}/s3/aws4_request`
  const params = {
    ...query,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKey}/${scope}`,
    'X-Amz-Date': date,
    'X-Amz-Expires': String(expires),
    'X-Amz-SignedHeaders': 'host',
  }
  const canonicalQuery = Object.keys(params).sort()
    .map((name) => `${uriEncode(name)}=${uriEncode(params[name])}`).join('&')
  const signed = await signature({ method, path, canonicalQuery, headers: { host: url.host }, date, scope, ...credentials })
  return `${url.origin}${path}?${canonicalQuery}&X-Amz-Signature=${signed}`
}

/**
 * The headers that sign a request without a query in its Authorization header (for a URL that has to stay
 * the same from one request to the next, such as the tus endpoint, which tus clients remember uploads by).
 */
export async function authorizationHeaders({ method, url, credentials, now = new Date() }) {
  requireWebCrypto()
  const { host, pathname } = new URL(url)
  const date = amzDate(now)
  const scope = `${date.slice(0, 8)}/${credentials.region}/s3/aws4_request`
  const headers = { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'x-amz-date': date }
  const signed = await signature({ method, path: pathname, canonicalQuery: '', headers, date, scope, ...credentials })
  return {
    'X-Amz-Content-Sha256': headers['x-amz-content-sha256'],
    'X-Amz-Date': date,
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKey}/${scope}, `
      + `SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${signed}`,
  }
}
