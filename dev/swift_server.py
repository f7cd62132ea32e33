#!/usr/bin/python3
"""Runs one Swift WSGI server of the dev cluster with the cluster's own swift.conf.

Usage: swift_server.py <account-server|container-server|object-server|proxy-server> <conf>

Swift reads swift.conf from a path fixed in swift.common.utils (/etc/swift/swift.conf),
and swift.common.constraints and swift.common.storage_policy read it once, when they are
imported. The stock server scripts therefore cannot be pointed at another swift.conf.
This launcher points Swift at the swift.conf next to <conf> before anything imports those
modules, so the machine's /etc/swift stays untouched and the dev cluster can raise limits
such as max_object_name_length.

It always logs to stderr (the stock scripts' -v): the machines this runs on have no
syslog, and Swift's syslog fallback (UDP to 127.0.0.1:514) would drop every line. Lines
get a timestamp because syslog, which normally adds one, is not there.
"""
import os
import sys
import time

from swift.common import utils

if 'swift.common.constraints' in sys.modules or 'swift.common.storage_policy' in sys.modules:
    sys.exit('swift.common.utils imported the constraints before swift.conf could be moved; '
             'this launcher does not work with this Swift version')


def _add_timestamps_to_log_lines():
    plain_format = utils.SwiftLogFormatter.format

    def format_with_time(formatter, record):
        stamp = time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(record.created))
        return '%s.%03d %s' % (stamp, record.msecs, plain_format(formatter, record))

    utils.SwiftLogFormatter.format = format_with_time


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    server_type, conf_path = sys.argv[1], os.path.abspath(sys.argv[2])
    # Moves SWIFT_CONF_FILE to <dir of conf>/swift.conf and re-reads the hash prefix/suffix.
    utils.set_swift_dir(os.path.dirname(conf_path))
    _add_timestamps_to_log_lines()

    from swift.common.wsgi import run_wsgi  # imports constraints: only now
    options = {'verbose': True}
    if server_type == 'object-server':
        from swift.obj import server as object_server
        options['global_conf_callback'] = object_server.global_conf_callback
    return run_wsgi(conf_path, server_type, **options)


if __name__ == '__main__':
    sys.exit(main())
