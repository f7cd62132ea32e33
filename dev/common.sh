# Sourced by dev/swift and dev/keystone: the state dir, the ports, package installation and
# the process handling both use. The sourcing script sets PROG (its name in messages), RUN_DIR
# (where <component>.pid files live) and LOG_DIR (where <component>.log files live).
#
# Every port can be moved with an environment variable, so that a second dev cluster (another
# S3MULTI_DEV_DIR) can run next to the first one.
# shellcheck shell=bash disable=SC2034 # the variables are used by the sourcing scripts

STATE=${S3MULTI_DEV_DIR:-/var/tmp/s3multi-dev}
[[ $STATE == /* ]] || STATE=$PWD/$STATE
readonly STATE
readonly PY=/usr/bin/python3

readonly MEMCACHED_PORT=${S3MULTI_DEV_MEMCACHED_PORT:-11211}
readonly OBJECT_PORT=${S3MULTI_DEV_OBJECT_PORT:-6200}
readonly CONTAINER_PORT=${S3MULTI_DEV_CONTAINER_PORT:-6201}
readonly ACCOUNT_PORT=${S3MULTI_DEV_ACCOUNT_PORT:-6202}
readonly PROXY_PORT=${S3MULTI_DEV_PROXY_PORT:-8081}
readonly S3API_PROXY_PORT=${S3MULTI_DEV_S3API_PORT:-8082}
readonly KEYSTONE_PROXY_PORT=${S3MULTI_DEV_KEYSTONE_PROXY_PORT:-8083}
readonly SMALL_SLO_PROXY_PORT=${S3MULTI_DEV_SMALL_SLO_PORT:-8085}
readonly KEYSTONE_PORT=${S3MULTI_DEV_KEYSTONE_PORT:-5000}

# Not KEYSTONE_URL: that is one of the names dev/keystone env exports.
readonly IDENTITY_URL=http://127.0.0.1:$KEYSTONE_PORT/v3

die() {
    echo "$PROG: $*" >&2
    exit 1
}

require_root() {
    [[ $EUID -eq 0 ]] || die "must run as root"
}

# ---------------------------------------------------------------------------- install

# Installs the Debian packages among the arguments that are not installed yet.
install_packages() {
    require_root
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        echo "$PROG: all packages present"
        return 0
    fi
    echo "$PROG: installing ${missing[*]}"
    # Without a policy-rc.d, postinst scripts start memcached and the Swift services from
    # /etc/init.d; they would take the ports these scripts need.
    local policy=/usr/sbin/policy-rc.d own_policy=no
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        own_policy=yes
    fi
    local rc=0
    {
        export DEBIAN_FRONTEND=noninteractive
        apt-get -o DPkg::Lock::Timeout=600 update -q \
            && apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
    } || rc=$?
    [[ $own_policy == yes ]] && rm -f "$policy"
    [[ $rc -ne 0 ]] || disable_boot_services "${missing[@]}"
    return "$rc"
}

# The packages' postinst scripts enable their services for the next boot: on a machine with
# systemd, memcached, the Swift servers (Debian's proxy on 8080, workers = 20), HAProxy, Tomcat
# and clamd would start there and take the ports dev/swift and the gateway need. Only the units
# of the packages installed just now are disabled, so a service the machine had before stays as
# it was. systemctl disable only edits links, so this works where systemd does not run too.
disable_boot_services() {
    command -v systemctl >/dev/null || return 0
    local package unit units=()
    for package in "$@"; do
        while read -r unit; do
            unit=${unit##*/}
            # Templates (name@.service) have no instance enabled by a package.
            [[ $unit == *@.service ]] && continue
            [[ $(systemctl is-enabled "$unit" 2>/dev/null) == enabled ]] && units+=("$unit")
        done < <(dpkg-query -L "$package" 2>/dev/null | grep -E '^(/usr)?/lib/systemd/system/[^/]+\.service$')
    done
    [[ ${#units[@]} -eq 0 ]] && return 0
    echo "$PROG: not starting at boot: ${units[*]}"
    systemctl disable --quiet "${units[@]}"
}

# ---------------------------------------------------------------------------- processes

# Takes the lock of a state dir on fd 9: two starts at once (two test runs) must not both
# build the same thing. The lock goes away with the process.
take_lock() {
    exec 9>"$1"
    flock -w 300 9 || die "another $PROG holds $1"
}

# Prints "state starttime" of a process, or fails when there is none.
proc_state_start() {
    local stat fields
    read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    read -r -a fields <<<"${stat##*) }"
    echo "${fields[0]} ${fields[19]}"
}

# Prints the live (non-zombie) processes of a component's process group that are ours:
# the leader if its start time is the recorded one, and members running from this state
# dir (workers whose leader died).
component_pids() {
    local pid_file=$RUN_DIR/$1.pid leader start proc stat fields pid cmdline
    read -r leader start 2>/dev/null <"$pid_file" || return 0
    for proc in /proc/[0-9]*; do
        read -r stat 2>/dev/null <"$proc/stat" || continue
        read -r -a fields <<<"${stat##*) }"
        [[ ${fields[2]} == "$leader" && ${fields[0]} != Z ]] || continue
        pid=${proc#/proc/}
        if [[ $pid == "$leader" ]]; then
            [[ ${fields[19]} == "$start" ]] && echo "$pid"
        else
            cmdline=$(tr '\0' ' ' 2>/dev/null <"$proc/cmdline") || continue
            [[ $cmdline == *"$STATE/"* ]] && echo "$pid"
        fi
    done
}

leader_alive() {
    local leader start now
    read -r leader start 2>/dev/null <"$RUN_DIR/$1.pid" || return 1
    now=$(proc_state_start "$leader") || return 1
    [[ $now != Z* && ${now#* } == "$start" ]]
}

# Starts a command in a session of its own, logging to LOG_DIR/<name>.log. The pid file is
# written by the process itself (before exec), with its start time to tell it from a
# later process that gets the same pid. fd 9 (the lock) is closed: a server inheriting it
# would hold the lock for as long as it runs.
spawn() {
    local name=$1
    shift
    # shellcheck disable=SC2016 # expanded by the child, not here
    setsid bash -c 'read -r -a f </proc/$$/stat; echo "$$ ${f[21]}" >"$1.tmp"; mv "$1.tmp" "$1"; shift; exec "$@"' \
        spawn "$RUN_DIR/$name.pid" "$@" </dev/null >>"$LOG_DIR/$name.log" 2>&1 9>&- &
}

# Waits until each named component has written its pid file.
await_pid_files() {
    local name deadline=$((SECONDS + 10))
    for name in "$@"; do
        until [[ -s $RUN_DIR/$name.pid ]]; do
            [[ $SECONDS -lt $deadline ]] || die "no pid file from $name"
            sleep 0.02
        done
    done
}

# Stops the named components (SIGTERM, SIGKILL after 15 s) and removes their pid files.
stop_components() {
    local name pids=() deadline
    for name in "$@"; do
        mapfile -t -O "${#pids[@]}" pids < <(component_pids "$name")
    done
    if [[ ${#pids[@]} -gt 0 ]]; then
        kill -TERM "${pids[@]}" 2>/dev/null || true
        deadline=$((SECONDS + 15))
        while any_alive "${pids[@]}"; do
            if [[ $SECONDS -ge $deadline ]]; then
                echo "$PROG: killing what did not stop after SIGTERM" >&2
                kill -KILL "${pids[@]}" 2>/dev/null || true
                deadline=$((SECONDS + 600))
            fi
            sleep 0.1
        done
    fi
    for name in "$@"; do
        rm -f "$RUN_DIR/$name.pid"
    done
}

# Names of the components that have a pid file in RUN_DIR, whatever started them.
recorded_components() {
    local pid_file
    for pid_file in "$RUN_DIR"/*.pid; do
        [[ -e $pid_file ]] || continue
        pid_file=${pid_file##*/}
        echo "${pid_file%.pid}"
    done
}

any_alive() {
    local pid state
    for pid in "$@"; do
        state=$(proc_state_start "$pid") || continue
        [[ $state == Z* ]] || return 0
    done
    return 1
}

port_in_use() {
    # The braces keep the failed redirection's message (and the redirection) local.
    { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
    exec 3>&-
    return 0
}

# Moves the logs of the named components to LOG_DIR/previous/.
rotate_logs() {
    local name
    mkdir -p "$LOG_DIR/previous"
    for name in "$@"; do
        [[ -e $LOG_DIR/$name.log ]] && mv -f "$LOG_DIR/$name.log" "$LOG_DIR/previous/"
    done
    return 0
}

# Seconds since an $EPOCHREALTIME value, with milliseconds.
elapsed_since() {
    local now=${EPOCHREALTIME/[.,]/} then=${1/[.,]/}
    local ms=$(((now - then) / 1000))
    printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
}
