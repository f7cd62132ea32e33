#!/usr/bin/python3
"""The parts of dev/keystone that are easier in Python (Debian's /usr/bin/python3).

This file holds the dev identity fixture: who exists in the dev Keystone, with which
password, role and EC2 key pair. Everything else (dev/keystone, the Swift proxy's
authtoken section, the tests) learns it from `dev/keystone env`.

  keystone_helper.py bootstrap <keystone.conf> <identity_url>
      Runs keystone-manage bootstrap for the fixture's admin: domain default, project and
      user admin, roles reader < member < admin, region, identity endpoints.

  keystone_helper.py wal <db>
      Switches the sqlite db to WAL. In the default rollback journal, read connections that
      oslo.db keeps open hold a SHARED lock and writes fail with "database is locked" (HTTP
      500 after 5 s) even when requests come one at a time.

  keystone_helper.py backup-db <db> <copy>
      A consistent copy of the live db (sqlite's backup API), also in WAL mode.

  keystone_helper.py provision [--timeout S] <keystone_dir> <identity_url> <object_store_url>
      Waits for Keystone to answer (60 s unless told), then creates over REST what bootstrap does not: role
      service and ResellerAdmin, projects service/demo/demo2, users swift/demo/demo2 and the
      gateway's s3multi (admin + ResellerAdmin) with their roles, the
      object-store service and endpoints, and EC2 credentials with fixed access/secret.
      Writes the ids to <keystone_dir>/fixture.json.

  keystone_helper.py check <keystone_dir> <identity_url>
  keystone_helper.py wait [--timeout S] <keystone_dir> <identity_url>
      Checks once (check) or until ready (wait): the process in run/keystone.pid lives, the
      service user gets a token holding role service, and with that token /v3/s3tokens
      accepts a SigV4 signature made with demo's secret (200, project demo) and refuses a
      wrong one (401). On failure it prints the tail of logs/keystone.log.

  keystone_helper.py env <keystone_dir> <identity_url> <object_store_url>
      Shell exports for tests: URLs, users, passwords, project ids, EC2 pairs.

The Swift proxy check (a demo token creating, reading and deleting through the proxy whose
auth is Keystone) is swift_problem(), used by swift_helper.py.
"""
import base64
import collections
import datetime
import hashlib
import hmac
import http.client
import json
import os
import shlex
import sqlite3
import sys
import time
import urllib.parse
import uuid

DOMAIN_ID = 'default'
REGION = 'RegionOne'
# Keystone does not check the region of a SigV4 scope; S3 clients default to this one.
S3_REGION = 'us-east-1'
LOG_TAIL_LINES = 25

Ec2Pair = collections.namedtuple('Ec2Pair', 'access secret')
Identity = collections.namedtuple('Identity', 'key user password project role ec2')

# key: the prefix of its exports (KEYSTONE_<KEY>_USER ...).
ADMIN = Identity('admin', 'admin', 'adminpass', 'admin', 'admin', None)
SERVICE = Identity('service', 'swift', 'swiftpass', 'service', 'service', None)
DEMO = Identity('demo', 'demo', 'demopass', 'demo', 'member', Ec2Pair('demo-access', 'demo-secret'))
DEMO2 = Identity('demo2', 'demo2', 'demo2pass', 'demo2', 'member',
                 Ec2Pair('demo2-access', 'demo2-secret'))
# The gateway's own user (its s3token stage): admin to call /v3/s3tokens and to read EC2
# secrets (aws-chunked chunk signatures need them), plus Swift's reseller admin role so the
# Keystone proxy lets it act on each project's account.
GATEWAY = Identity('gateway', 's3multi', 's3multipass', 'service', 'admin', None)
RESELLER_ADMIN_ROLE = 'ResellerAdmin'
IDENTITIES = (ADMIN, SERVICE, DEMO, DEMO2, GATEWAY)


class KeystoneError(Exception):
    pass


class Http:
    """Plain JSON over HTTP; one connection per request, as Keystone's uwsgi closes each one."""

    def __init__(self, url, timeout=10):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.prefix = parsed.path.rstrip('/')
        self.timeout = timeout

    def request(self, method, path, body=None, token=None, headers=None, raw=None):
        all_headers = dict(headers or {})
        if token:
            all_headers['X-Auth-Token'] = token
        payload = raw
        if body is not None:
            payload = json.dumps(body).encode()
            all_headers['Content-Type'] = 'application/json'
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, self.prefix + path, body=payload, headers=all_headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        return response.status, response.headers, data

    def expect(self, status, method, path, body=None, token=None):
        got, headers, data = self.request(method, path, body, token)
        if got != status:
            raise KeystoneError('%s %s answered %d, expected %d: %s'
                                % (method, path, got, status, data[:300].decode(errors='replace')))
        return headers, json.loads(data) if data else None


def password_token(keystone, identity):
    """Returns (token, token body) of a password login scoped to the identity's project."""
    body = {'auth': {
        'identity': {'methods': ['password'], 'password': {'user': {
            'name': identity.user, 'domain': {'id': DOMAIN_ID}, 'password': identity.password}}},
        'scope': {'project': {'name': identity.project, 'domain': {'id': DOMAIN_ID}}}}}
    headers, answer = keystone.expect(201, 'POST', '/auth/tokens', body)
    return headers['X-Subject-Token'], answer['token']


# ---------------------------------------------------------------------------- bootstrap, db

def bootstrap(conf, identity_url):
    os.execv('/usr/bin/keystone-manage', [
        'keystone-manage', '--config-file', conf, 'bootstrap',
        '--bootstrap-username', ADMIN.user, '--bootstrap-password', ADMIN.password,
        '--bootstrap-project-name', ADMIN.project, '--bootstrap-role-name', ADMIN.role,
        '--bootstrap-region-id', REGION, '--bootstrap-public-url', identity_url,
        '--bootstrap-internal-url', identity_url, '--bootstrap-admin-url', identity_url])


def use_wal(db):
    with sqlite3.connect(db) as connection:
        mode = connection.execute('PRAGMA journal_mode=WAL').fetchone()[0]
    if mode != 'wal':
        sys.exit('%s stays in journal mode %s' % (db, mode))
    return 0


def backup_db(db, copy):
    source = sqlite3.connect(db)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return use_wal(copy)


# ---------------------------------------------------------------------------- provision

def provision(keystone_dir, identity_url, object_store_url, timeout=60):
    keystone = Http(identity_url)
    wait_until_answering(keystone, keystone_dir, timeout)
    admin_token, admin = password_token(keystone, ADMIN)
    role_ids = {role['name']: role['id'] for role in
                keystone.expect(200, 'GET', '/roles', token=admin_token)[1]['roles']}
    # Bootstrap makes reader, member and admin, not the service role that s3tokens and
    # token validation ask of the service user.
    role_ids['service'] = create(keystone, admin_token, 'role', {'name': 'service'})
    role_ids[RESELLER_ADMIN_ROLE] = create(keystone, admin_token, 'role', {'name': RESELLER_ADMIN_ROLE})

    project_ids = {ADMIN.project: admin['project']['id']}
    user_ids = {ADMIN.user: admin['user']['id']}
    for identity in (SERVICE, DEMO, DEMO2, GATEWAY):
        if identity.project not in project_ids:
            project_ids[identity.project] = create(keystone, admin_token, 'project', {
                'name': identity.project, 'domain_id': DOMAIN_ID})
        user_ids[identity.user] = create(keystone, admin_token, 'user', {
            'name': identity.user, 'password': identity.password, 'domain_id': DOMAIN_ID,
            'default_project_id': project_ids[identity.project]})
        keystone.expect(204, 'PUT', '/projects/%s/users/%s/roles/%s' % (
            project_ids[identity.project], user_ids[identity.user], role_ids[identity.role]),
            token=admin_token)
        if identity is GATEWAY:
            keystone.expect(204, 'PUT', '/projects/%s/users/%s/roles/%s' % (
                project_ids[identity.project], user_ids[identity.user],
                role_ids[RESELLER_ADMIN_ROLE]), token=admin_token)
        if identity.ec2:
            create_ec2_credential(keystone, admin_token, identity.ec2,
                                  user_ids[identity.user], project_ids[identity.project])

    service_id = create(keystone, admin_token, 'service', {'type': 'object-store', 'name': 'swift'})
    for interface in ('public', 'internal', 'admin'):
        create(keystone, admin_token, 'endpoint', {
            'service_id': service_id, 'interface': interface, 'region_id': REGION,
            'url': object_store_url.rstrip('/') + '/v1/AUTH_$(project_id)s'})

    fixture = {'projects': project_ids, 'users': user_ids}
    path = os.path.join(keystone_dir, 'fixture.json')
    with open(path + '.tmp', 'w') as f:
        json.dump(fixture, f, indent=2, sort_keys=True)
    os.replace(path + '.tmp', path)
    return 0


def create(keystone, token, kind, attributes):
    _, answer = keystone.expect(201, 'POST', '/%ss' % kind, {kind: attributes}, token)
    return answer[kind]['id']


def create_ec2_credential(keystone, token, pair, user_id, project_id):
    # POST /v3/users/{id}/credentials/OS-EC2 makes up a random pair; the generic credential
    # API stores the caller's pair (its id is sha256 of the access key).
    _, answer = keystone.expect(201, 'POST', '/credentials', {'credential': {
        'type': 'ec2', 'user_id': user_id, 'project_id': project_id,
        'blob': json.dumps({'access': pair.access, 'secret': pair.secret})}}, token)
    stored = json.loads(answer['credential']['blob'])
    if (stored.get('access'), stored.get('secret')) != pair:
        raise KeystoneError('Keystone stored EC2 pair %r instead of %r' % (stored, pair))
    if answer['credential']['id'] != hashlib.sha256(pair.access.encode()).hexdigest():
        raise KeystoneError('unexpected credential id %s' % answer['credential']['id'])


def wait_until_answering(keystone, keystone_dir, timeout):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if keystone.request('GET', '')[0] == 200:
                return
        except OSError:
            pass
        if not process_alive(keystone_dir):
            raise KeystoneError('Keystone exited (see %s)' % log_path(keystone_dir))
        if time.monotonic() >= deadline:
            raise KeystoneError('Keystone did not answer within %ds' % timeout)
        time.sleep(0.1)


# ---------------------------------------------------------------------------- check

def keystone_problem(keystone_dir, identity_url):
    """None when Keystone is ready, else what is wrong."""
    if not process_alive(keystone_dir):
        return 'process is not running'
    try:
        fixture = read_fixture(keystone_dir)
        keystone = Http(identity_url)
        token, service = password_token(keystone, SERVICE)
        roles = {role['name'] for role in service['roles']}
        if 'service' not in roles:
            return 'the token of %s lacks role service (has %s)' % (SERVICE.user, sorted(roles))
        status, data = s3tokens(keystone, token, DEMO.ec2, DEMO.ec2.secret)
        if status != 200:
            return '/v3/s3tokens for %s answered %d: %s' % (DEMO.ec2.access, status, data[:200])
        project = json.loads(data)['token']['project']['id']
        if project != fixture['projects'][DEMO.project]:
            return '/v3/s3tokens for %s names project %s, not %s' % (
                DEMO.ec2.access, project, fixture['projects'][DEMO.project])
        status, _ = s3tokens(keystone, token, DEMO.ec2, 'not-' + DEMO.ec2.secret)
        if status != 401:
            return '/v3/s3tokens accepted a wrong signature (%d)' % status
    except (OSError, http.client.HTTPException, ValueError, KeyError, KeystoneError) as e:
        return '%s: %s' % (type(e).__name__, e)
    return None


def s3tokens(keystone, service_token, pair, secret):
    """Asks Keystone to verify a SigV4 signature made with `secret` for `pair.access`."""
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime('%Y%m%dT%H%M%SZ'), now.strftime('%Y%m%d')
    canonical_request = '\n'.join([
        'GET', '/readiness', '', 'host:127.0.0.1', 'x-amz-date:' + amz_date, '',
        'host;x-amz-date', 'UNSIGNED-PAYLOAD'])
    scope = '%s/%s/s3/aws4_request' % (day, S3_REGION)
    string_to_sign = '\n'.join([
        'AWS4-HMAC-SHA256', amz_date, scope,
        hashlib.sha256(canonical_request.encode()).hexdigest()])
    key = ('AWS4' + secret).encode()
    for part in (day, S3_REGION, 's3', 'aws4_request'):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    status, _, data = keystone.request('POST', '/s3tokens', {'credentials': {
        'access': pair.access, 'signature': signature,
        # Keystone decodes with padding required.
        'token': base64.urlsafe_b64encode(string_to_sign.encode()).decode()}},
        token=service_token)
    return status, data


def check(keystone_dir, identity_url, timeout):
    deadline = time.monotonic() + timeout
    while True:
        problem = keystone_problem(keystone_dir, identity_url)
        if (problem is None or problem == 'process is not running'
                or time.monotonic() >= deadline):
            break
        time.sleep(0.1)
    port = Http(identity_url).port
    if problem is None:
        print('ok   %-15s 127.0.0.1:%d' % ('keystone', port))
        return 0
    print('DOWN %-15s 127.0.0.1:%d  %s' % ('keystone', port, problem))
    if timeout > 0:
        print('\n--- last lines of %s ---\n%s' % (log_path(keystone_dir), log_tail(keystone_dir)),
              end='', file=sys.stderr)
    return 1


def process_alive(keystone_dir):
    try:
        with open(os.path.join(keystone_dir, 'run', 'keystone.pid')) as f:
            pid, start = f.read().split()
        with open('/proc/%s/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
    except (OSError, ValueError):
        return False
    return fields[0] != 'Z' and fields[19] == start


def log_path(keystone_dir):
    return os.path.join(keystone_dir, 'logs', 'keystone.log')


def log_tail(keystone_dir):
    try:
        with open(log_path(keystone_dir), errors='replace') as f:
            return ''.join(f.readlines()[-LOG_TAIL_LINES:])
    except OSError as e:
        return '(no log: %s)\n' % e


def read_fixture(keystone_dir):
    with open(os.path.join(keystone_dir, 'fixture.json')) as f:
        return json.load(f)


# ---------------------------------------------------------------------------- Swift proxy

def swift_problem(identity_url, swift_port, write):
    """None when a demo token works on the Swift proxy at swift_port, else what is wrong.

    Read-only, it lists demo's account. With write, it creates a container and an object,
    reads the object back and deletes both, so that the check leaves the account as it was.
    """
    try:
        demo_token, demo = password_token(Http(identity_url), DEMO)
    except (OSError, http.client.HTTPException, KeystoneError) as e:
        return 'no Keystone token for %s: %s: %s' % (DEMO.user, type(e).__name__, e)
    account = '/v1/AUTH_' + demo['project']['id']
    swift = Http('http://127.0.0.1:%d' % swift_port)
    status, _, _ = swift.request('GET', account, token=demo_token)
    if status not in (200, 204):
        return 'GET %s with a demo token answered %d' % (account, status)
    if not write:
        return None
    container = '%s/dev-readiness-%s' % (account, uuid.uuid4().hex)
    payload = uuid.uuid4().bytes * 64
    steps = [('PUT', container, None, 201), ('PUT', container + '/o', payload, 201),
             ('GET', container + '/o', None, 200), ('DELETE', container + '/o', None, 204),
             ('DELETE', container, None, 204)]
    for method, path, raw, expected in steps:
        status, _, data = swift.request(method, path, token=demo_token, raw=raw)
        if status != expected:
            return '%s %s with a demo token answered %d, expected %d' % (
                method, path, status, expected)
        if method == 'GET' and data != payload:
            return 'GET %s returned other bytes than were stored' % path
    return None


# ---------------------------------------------------------------------------- env

def env(keystone_dir, identity_url, object_store_url):
    fixture = read_fixture(keystone_dir)
    lines = [
        ('KEYSTONE_URL', identity_url), ('KEYSTONE_REGION', REGION),
        ('KEYSTONE_DOMAIN_ID', DOMAIN_ID), ('KEYSTONE_SWIFT_URL', object_store_url)]
    for identity in IDENTITIES:
        prefix = 'KEYSTONE_%s_' % identity.key.upper()
        project_id = fixture['projects'][identity.project]
        exports = [('USER', identity.user), ('PASSWORD', identity.password),
                   ('USER_ID', fixture['users'][identity.user]),
                   ('PROJECT', identity.project), ('PROJECT_ID', project_id),
                   ('ACCOUNT', 'AUTH_' + project_id)]
        if identity.ec2:
            exports += [('ACCESS_KEY', identity.ec2.access), ('SECRET_KEY', identity.ec2.secret)]
        lines += [(prefix + name, value) for name, value in exports]
    for name, value in lines:
        print('export %s=%s' % (name, shlex.quote(value)))
    return 0


def main(args):
    command = args[0] if args else ''
    try:
        if command == 'bootstrap' and len(args) == 3:
            return bootstrap(args[1], args[2])
        if command == 'wal' and len(args) == 2:
            return use_wal(args[1])
        if command == 'backup-db' and len(args) == 3:
            return backup_db(args[1], args[2])
        if command == 'provision' and len(args) == 6 and args[1] == '--timeout':
            return provision(args[3], args[4], args[5], float(args[2]))
        if command == 'provision' and len(args) == 4:
            return provision(args[1], args[2], args[3])
        if command in ('check', 'wait') and len(args) >= 3:
            timeout, rest = (60.0 if command == 'wait' else 0.0), args[1:]
            if command == 'wait' and rest[0] == '--timeout':
                timeout, rest = float(rest[1]), rest[2:]
            return check(rest[0], rest[1], timeout)
        if command == 'env' and len(args) == 4:
            return env(args[1], args[2], args[3])
    except KeystoneError as e:
        sys.exit('keystone_helper.py %s: %s' % (command, e))
    sys.exit(__doc__)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
