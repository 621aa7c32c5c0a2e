#if canImport(Glibc)
import Glibc
#endif
import Contract

/// A program to run to completion in a child process, with its output captured in full.
///
/// This is how a trial gets its own process (the harness re-invoking its own executable, see
/// `selfExecutablePath()`), so that one trial's heap, threads and peak RSS cannot leak into the next.
/// `run()` blocks the calling thread until the child is reaped; it is meant for the harness's
/// serial trial loop, and may be called from async code, where it occupies one thread meanwhile.
public struct ChildProcess: Sendable {
    /// A path; it is not looked up in `PATH`.
    public var executable: String
    /// Arguments after the program name (`argv[0]` is `executable`).
    public var arguments: [String]
    /// The child's whole standard input; it reads end-of-file after it.
    public var standardInput: [UInt8]
    /// Variables added to (or replacing those of) this process's environment.
    public var environment: [String: String]
    /// After this many seconds the child's process group is sent `SIGKILL`; `nil` waits forever.
    public var timeoutSeconds: Double?
    /// `RLIMIT_AS` for the child: allocations beyond this much address space fail in the child.
    public var addressSpaceLimitBytes: Int?
    /// Called with the child's pid as soon as it exists, before its output is read.
    public var onStart: (@Sendable (pid_t) -> Void)?

    public init(executable: String, arguments: [String] = [], standardInput: [UInt8] = [],
                environment: [String: String] = [:], timeoutSeconds: Double? = nil,
                addressSpaceLimitBytes: Int? = nil, onStart: (@Sendable (pid_t) -> Void)? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.standardInput = standardInput
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
        self.addressSpaceLimitBytes = addressSpaceLimitBytes
        self.onStart = onStart
    }

    /// How long output may stay open after the timeout's `SIGKILL`: only a descendant that left
    /// the child's process group can still hold it, and it is not waited for.
    static let outputGraceAfterKill: Int64 = 1_000_000_000

    /// Starts the child, collects both output streams as they come (with `poll`, so a child that
    /// fills one pipe while the other is unread cannot deadlock), enforces the timeout, and reaps it.
    ///
    /// Throws when the child could not be started (e.g. no such executable), with the failing call
    /// and its errno; how the child ended, even by a signal or a timeout, is in the result.
    public func run() throws(MeasurementError) -> ChildProcessResult {
        let start = ProcessClock.monotonicNanoseconds()
        let child = try launch()
        onStart?(child.pid)
        var outputs = [OutputPipe(child.stdout), OutputPipe(child.stderr)]
        defer { for i in outputs.indices { outputs[i].close() } }
        let deadline = timeoutSeconds.map { start &+ Int64(($0 * 1e9).rounded()) }
        var killedAt: Int64?
        var status: Int32 = 0
        var usage = rusage()
        var exitPollMilliseconds: Int32 = 1

        while true {
            let open = outputs.indices.filter { outputs[$0].isOpen }
            if open.isEmpty {
                let reaped = wait4(child.pid, &status, WNOHANG, &usage)
                if reaped == child.pid { break }
                if reaped < 0, errno != EINTR { throw .system(call: "wait4", subject: executable, errno: errno) }
            }
            let now = ProcessClock.monotonicNanoseconds()
            if killedAt == nil, let deadline, now >= deadline {
                // The whole group, so that a shell's children die with it and release the pipes.
                kill(-child.pid, SIGKILL)
                killedAt = now
                continue
            }
            var wakeAt = killedAt.map { $0 &+ Self.outputGraceAfterKill } ?? deadline
            if let killedAt, now >= killedAt &+ Self.outputGraceAfterKill {
                for i in open { outputs[i].close() }
                wakeAt = nil
            }
            var waitMilliseconds = wakeAt.map { Int32(clamping: ($0 &- now + 999_999) / 1_000_000) } ?? -1
            if open.isEmpty {
                // Output closed but not yet exited (usually a matter of microseconds): poll with backoff.
                waitMilliseconds = waitMilliseconds < 0
                    ? exitPollMilliseconds : min(waitMilliseconds, exitPollMilliseconds)
                exitPollMilliseconds = min(exitPollMilliseconds * 2, 50)
            }
            try OutputPipe.drain(&outputs, waitingAtMost: waitMilliseconds, for: executable)
        }
        return ChildProcessResult(
            termination: .init(waitStatus: status), stdout: outputs[0].bytes, stderr: outputs[1].bytes,
            wallTime: Span(nanoseconds: ProcessClock.monotonicNanoseconds() &- start), timedOut: killedAt != nil,
            usage: CPUUsage(usage), peakRSSBytes: usage.ru_maxrss * 1024)
    }

    /// The path of the running executable, for a process to re-invoke itself as a trial's child.
    public static func selfExecutablePath() throws(MeasurementError) -> String {
        let path = "/proc/self/exe"
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { throw .system(call: "readlink", subject: path, errno: errno) }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
