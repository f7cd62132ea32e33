#!/usr/bin/python3
"""The parts of dev/swift that are easier in Python (Debian's /usr/bin/python3).

  swift_helper.py rings <swift_dir> <account_port> <container_port> <object_port>
      Writes one-device, one-replica account/container/object rings (device sdb1) with the
      RingBuilder API: one process instead of nine swift-ring-builder start-ups.

  swift_helper.py probe-xattr <device_dir>
      Tells whether the object server can store Swift's full 4 KiB of user metadata there.
      Swift keeps object metadata in user.* xattrs; ext4 holds only about 4 KiB per inode
      in total, so a PUT with legal metadata would fail with 507. Exit 0: fine, 1: no
      user xattrs at all (Swift cannot work), 2: limited (works, with a warning).

  swift_helper.py check [--write] <state_dir> <component>...
  swift_helper.py wait [--write] [--timeout S] <state_dir> <component>...
      Checks every component once (check) or until all are ready (wait). Components are
      named like their log and pid files, the port last: memcached-11211, account-6202,
      proxy-8081, ... What a proxy must show is read from its own config, so the checks
      follow the configs: /healthcheck answers OK, /info reports the swift.conf's
      max_object_name_length, the slo filter's max_manifest_segments, and s3api exactly
      when the pipeline has it. With tempauth the first tempauth user must get a token;
      with keystoneauth a Keystone token of the dev user demo must list its account
      (keystone_helper.py), and with --write also create, read and delete a container and
      an object there. On failure it prints the tail of the log of each component that is
      not ready.
"""
import configparser
import errno
import http.client
import json
import os
import socket
import sys
import time

HOST = '127.0.0.1'
DEVICE = 'sdb1'
LOG_TAIL_LINES = 25


def write_rings(swift_dir, ports):
    from swift.common.ring import RingBuilder
    for ring_name, port in ports.items():
        builder = RingBuilder(8, 1, 1)
        builder.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': HOST, 'port': port,
                         'replication_ip': HOST, 'replication_port': port,
                         'device': DEVICE, 'weight': 100, 'meta': ''})
        builder.rebalance()
        builder.save(os.path.join(swift_dir, ring_name + '.builder'))
        builder.get_ring().save(os.path.join(swift_dir, ring_name + '.ring.gz'))
    return 0


def probe_xattr(device_dir):
    probe = os.path.join(device_dir, '.xattr-probe')
    with open(probe, 'wb') as f:
        try:
            return _probe_xattr_sizes(f.fileno())
        finally:
            os.unlink(probe)


def _probe_xattr_sizes(fd):
    # 8 KiB: the 4 KiB of user metadata Swift allows plus its own system metadata.
    for size, verdict in ((8192, 0), (1024, 2)):
        try:
            os.setxattr(fd, 'user.swift.probe', b'x' * size)
            if verdict:
                print('WARNING: user xattrs on the devices dir hold less than 8 KiB; '
                      'PUTs with much metadata will fail with 507/503', file=sys.stderr)
            return verdict
        except OSError as e:
            if e.errno not in (errno.ENOSPC, errno.E2BIG):
                print('the devices dir has no user xattrs (%s); the object server cannot '
                      'work there' % e, file=sys.stderr)
                return 1
    return 1


class Component:
    """One process of the cluster and what proves it is ready."""

    def __init__(self, state_dir, name, write=False):
        self.state_dir = state_dir
        self.name = name
        self.write = write
        self.port = int(name.rsplit('-', 1)[1])
        self.log = os.path.join(state_dir, 'logs', name + '.log')
        self.pid_file = os.path.join(state_dir, 'run', name + '.pid')
        self.problem = 'not checked yet'

    def check(self):
        try:
            if not self._leader_alive():
                self.problem = 'process is not running'
            else:
                self.problem = self._serving_problem()
        except (OSError, http.client.HTTPException, ValueError) as e:
            self.problem = '%s: %s' % (type(e).__name__, e)
        return self.problem is None

    def _leader_alive(self):
        try:
            with open(self.pid_file) as f:
                pid, start = f.read().split()
            with open('/proc/%s/stat' % pid) as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except (OSError, ValueError):
            return False
        return fields[0] != 'Z' and fields[19] == start

    def _serving_problem(self):
        if self.name.startswith('memcached-'):
            with socket.create_connection((HOST, self.port), timeout=2) as s:
                s.sendall(b'version\r\n')
                answer = s.recv(100)
            return None if answer.startswith(b'VERSION') else 'answered %r' % answer
        status, _, body = self._get('/healthcheck')
        if status != 200:
            return '/healthcheck answered %d' % status
        if self.name.startswith('proxy-'):
            return self._proxy_problem()
        return None

    def _proxy_problem(self):
        conf = read_conf(os.path.join(self.state_dir, 'etc', self.name + '.conf'))
        pipeline = conf.get('pipeline:main', 'pipeline').split()
        if 'tempauth' in pipeline:
            user, key = first_tempauth_user(conf)
            status, headers, _ = self._get('/auth/v1.0', {'X-Auth-User': user, 'X-Auth-Key': key})
            if status != 200 or not headers.get('X-Auth-Token'):
                return 'no tempauth token for %s (status %d)' % (user, status)
        if 'keystoneauth' in pipeline:
            sys.dont_write_bytecode = True  # no __pycache__ in the source tree
            import keystone_helper
            problem = keystone_helper.swift_problem(
                conf.get('filter:authtoken', 'auth_url'), self.port, self.write)
            if problem:
                return problem
        status, _, body = self._get('/info')
        if status != 200:
            return '/info answered %d' % status
        info = json.loads(body)
        swift_conf = read_conf(os.path.join(self.state_dir, 'etc', 'swift.conf'))
        expected = {
            ('swift', 'max_object_name_length'):
                swift_conf.getint('swift-constraints', 'max_object_name_length', fallback=1024),
            ('slo', 'max_manifest_segments'):
                conf.getint('filter:slo', 'max_manifest_segments', fallback=1000),
        }
        for (section, name), value in expected.items():
            shown = info.get(section, {}).get(name)
            if shown != value:
                return '/info shows %s.%s = %s, config says %s' % (section, name, shown, value)
        wants_s3api = 's3api' in pipeline
        if wants_s3api != ('s3api' in info):
            return '/info %s s3api' % ('lacks' if wants_s3api else 'lists')
        return None

    def _get(self, path, headers=None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
        try:
            connection.request('GET', path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def log_tail(self):
        try:
            with open(self.log, errors='replace') as f:
                return ''.join(f.readlines()[-LOG_TAIL_LINES:])
        except OSError as e:
            return '(no log: %s)\n' % e


def read_conf(path):
    conf = configparser.RawConfigParser(strict=False)
    if not conf.read(path):
        raise OSError('cannot read %s' % path)
    return conf


def first_tempauth_user(conf):
    for option, value in conf.items('filter:tempauth'):
        if option.startswith('user_'):
            account, user = option[len('user_'):].split('_', 1)
            return '%s:%s' % (account, user), value.split()[0]
    raise ValueError('no tempauth user in the proxy config')


def check(state_dir, names, timeout, write):
    components = [Component(state_dir, name, write) for name in names]
    deadline = time.monotonic() + timeout
    pending = list(components)
    while True:
        pending = [c for c in pending if not c.check()]
        dead = [c for c in pending if c.problem == 'process is not running']
        if not pending or dead or time.monotonic() >= deadline:
            break
        time.sleep(0.1)
    for c in components:
        state = 'ok  ' if c.problem is None else 'DOWN'
        detail = '' if c.problem is None else '  ' + c.problem
        print('%s %-15s 127.0.0.1:%d%s' % (state, c.name, c.port, detail))
    if pending and timeout > 0:
        for c in pending:
            print('\n--- last lines of %s ---\n%s' % (c.log, c.log_tail()), end='', file=sys.stderr)
    return 0 if not pending else 1


def main(args):
    command = args[0] if args else ''
    if command == 'rings' and len(args) == 5:
        ports = dict(zip(('account', 'container', 'object'), map(int, args[2:])))
        return write_rings(args[1], ports)
    if command == 'probe-xattr' and len(args) == 2:
        return probe_xattr(args[1])
    if command in ('check', 'wait') and len(args) >= 3:
        timeout, rest, write = (60.0 if command == 'wait' else 0.0), args[1:], False
        if rest[0] == '--write':
            write, rest = True, rest[1:]
        if command == 'wait' and rest[0] == '--timeout':
            timeout, rest = float(rest[1]), rest[2:]
        return check(rest[0], rest[1:], timeout, write)
    sys.exit(__doc__)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
