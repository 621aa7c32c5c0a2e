#if canImport(Glibc)
import Glibc
#endif
import Contract

/// What a child process did: how it ended, what it wrote, and what it cost.
public struct ChildProcessResult: Sendable, Equatable {
    /// How the child ended.
    public enum Termination: Sendable, Equatable, CustomStringConvertible {
        /// It called `exit` with this status.
        case exited(Int32)
        /// A signal killed it (after a timeout, `SIGKILL`).
        case signaled(Int32)

        /// Decodes a `waitpid` status (the `WIFEXITED`/`WTERMSIG` macros, which Swift cannot import).
        init(waitStatus status: Int32) {
            let signal = status & 0x7f
            self = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
        }

        /// "exited with status 3", "killed by SIGSEGV".
        public var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signaled(let signal): "killed by \(Self.signalName(signal))"
            }
        }

        /// "SIGSEGV" for 11; "signal 40" for a number without a name (real-time signals).
        public static func signalName(_ signal: Int32) -> String {
            names[signal] ?? "signal \(signal)"
        }

        private static let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGUSR1: "SIGUSR1",
            SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2", SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM",
            SIGSTKFLT: "SIGSTKFLT", SIGCHLD: "SIGCHLD", SIGCONT: "SIGCONT", SIGSTOP: "SIGSTOP",
            SIGTSTP: "SIGTSTP", SIGTTIN: "SIGTTIN", SIGTTOU: "SIGTTOU", SIGURG: "SIGURG", SIGXCPU: "SIGXCPU",
            SIGXFSZ: "SIGXFSZ", SIGVTALRM: "SIGVTALRM", SIGPROF: "SIGPROF", SIGWINCH: "SIGWINCH",
            SIGIO: "SIGIO", SIGPWR: "SIGPWR", SIGSYS: "SIGSYS",
        ]
    }

    public var termination: Termination
    /// Everything the child wrote to standard output and standard error.
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    /// From just before the fork until the child was reaped.
    public var wallTime: Span
    /// The timeout expired and the child's process group was sent `SIGKILL`.
    public var timedOut: Bool
    /// The child's own CPU time (and its waited-for descendants'), from `wait4`.
    public var usage: CPUUsage
    /// The child's peak resident set (`ru_maxrss` from `wait4`): a figure the parent observes
    /// itself, independent of what the child reports.
    public var peakRSSBytes: Int

    public init(termination: Termination, stdout: [UInt8], stderr: [UInt8], wallTime: Span, timedOut: Bool,
                usage: CPUUsage, peakRSSBytes: Int) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
        self.wallTime = wallTime
        self.timedOut = timedOut
        self.usage = usage
        self.peakRSSBytes = peakRSSBytes
    }
}
