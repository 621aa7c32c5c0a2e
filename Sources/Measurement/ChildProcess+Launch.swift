#if canImport(Glibc)
import Glibc
#endif

/// A started child: its pid (also its process group) and the parent's ends of its output pipes.
struct LaunchedChild {
    var pid: pid_t
    var stdout: Int32
    var stderr: Int32
}

// MARK: - Launch
//
// fork and execve, rather than Foundation's `Process` or `posix_spawn`, because the address-space
// limit must be set in the child between the two: neither lets code run there, and `prlimit` on
// the pid after the spawn would race with the child's first allocations. The price is the rule for
// code after `fork` in a threaded process: only async-signal-safe calls. So everything the child
// needs (C strings, pipes, the signal mask, the limit) is made before `fork`, and the child runs
// nothing but plain system calls on those values until `execve`: no allocation, no Swift runtime
// lookups, no locks another thread could have held at the moment of the fork.

extension ChildProcess {
    /// Starts the child; returns once it runs `executable`, or throws with the step that failed.
    func launch() throws(MeasurementError) -> LaunchedChild {
        var fds = FileDescriptors()
        defer { fds.closeAll() }
        let input = try fds.standardInput(standardInput, for: executable)
        let (stdoutRead, stdoutWrite) = try fds.pipe(for: executable)
        let (stderrRead, stderrWrite) = try fds.pipe(for: executable)
        let (reportRead, reportWrite) = try fds.pipe(for: executable)

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(mergedEnvironment())
        let limit = try addressSpaceLimit()
        var defaultAction = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        let path = argv.pointers[0]!, argvPointers = argv.pointers, envpPointers = envp.pointers

        let pid = fork()
        if pid == 0 {
            Self.becomeChild(path: path, argv: argvPointers, envp: envpPointers,
                             stdio: (input, stdoutWrite, stderrWrite), report: reportWrite, limit: limit,
                             defaultAction: defaultAction, emptyMask: emptyMask)
        }
        guard pid > 0 else { throw .system(call: "fork", subject: executable, errno: errno) }
        withExtendedLifetime((argv, envp)) {}
        fds.close([input, stdoutWrite, stderrWrite, reportWrite])

        // The report pipe is close-on-exec: end-of-file means execve succeeded; otherwise the
        // child wrote the step that failed and its errno.
        if let (step, code) = Self.readFailure(from: reportRead) {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            throw .system(call: ChildStep.name(step), subject: executable, errno: code)
        }
        fds.release([stdoutRead, stderrRead])
        return LaunchedChild(pid: pid, stdout: stdoutRead, stderr: stderrRead)
    }

    /// `RLIMIT_AS` for the child: only the soft limit, the hard one stays as inherited, so the
    /// request cannot fail for lack of privilege unless it exceeds the hard limit.
    private func addressSpaceLimit() throws(MeasurementError) -> rlimit? {
        guard let bytes = addressSpaceLimitBytes else { return nil }
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else {
            throw .system(call: "getrlimit", subject: executable, errno: errno)
        }
        limit.rlim_cur = rlim_t(bytes)
        return limit
    }

    /// This process's environment with `environment` laid over it, as "NAME=value" strings.
    func mergedEnvironment() -> [String] {
        var entries: [String] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            let name = text.prefix { $0 != "=" }
            if environment[String(name)] == nil { entries.append(text) }
            cursor += 1
        }
        return entries + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// What the child runs between `fork` and `execve`: async-signal-safe system calls only.
    private static func becomeChild(path: UnsafeMutablePointer<CChar>,
                                    argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                                    envp: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                                    stdio: (Int32, Int32, Int32), report: Int32, limit: rlimit?,
                                    defaultAction: sigaction, emptyMask: sigset_t) -> Never {
        func fail(_ step: Int32) -> Never {
            var message: (Int32, Int32) = (step, errno)
            _ = withUnsafeBytes(of: &message) { write(report, $0.baseAddress, $0.count) }
            _exit(127)
        }
        // Its own process group, so that a timeout kills the child's children too.
        if setpgid(0, 0) != 0 { fail(ChildStep.setpgid) }
        // Ignored signals and the blocked mask survive execve; the child starts with neither.
        var action = defaultAction, mask = emptyMask
        var signal: Int32 = 1
        while signal < NSIG {
            if signal != SIGKILL, signal != SIGSTOP { _ = sigaction(signal, &action, nil) }
            signal += 1
        }
        if sigprocmask(SIG_SETMASK, &mask, nil) != 0 { fail(ChildStep.sigprocmask) }
        // dup2 clears close-on-exec on the copy; the sources are all >= 3, so none is overwritten.
        if dup2(stdio.0, 0) < 0 || dup2(stdio.1, 1) < 0 || dup2(stdio.2, 2) < 0 { fail(ChildStep.dup2) }
        if var limit, setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) != 0 { fail(ChildStep.setrlimit) }
        execve(path, argv, envp)
        fail(ChildStep.execve)
    }

    /// The child's (step, errno) report, or `nil` at end-of-file (execve succeeded).
    private static func readFailure(from fd: Int32) -> (Int32, Int32)? {
        var message: (Int32, Int32) = (0, 0)
        var got = 0
        while got < MemoryLayout.size(ofValue: message) {
            let n = withUnsafeMutableBytes(of: &message) { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n > 0 { got += n } else if n == 0 || errno != EINTR { break }
        }
        return got == MemoryLayout.size(ofValue: message) ? message : nil
    }
}

/// The steps of `becomeChild` that can fail, as the child reports them through the pipe.
private enum ChildStep {
    static let setpgid: Int32 = 1
    static let sigprocmask: Int32 = 2
    static let dup2: Int32 = 3
    static let setrlimit: Int32 = 4
    static let execve: Int32 = 5

    static func name(_ step: Int32) -> String {
        ["setpgid", "sigprocmask", "dup2", "setrlimit", "execve"][Int(step) - 1]
    }
}
