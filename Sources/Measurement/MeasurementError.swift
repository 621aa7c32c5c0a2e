#if canImport(Glibc)
import Glibc
#endif

/// A measurement the operating system refused, or a `/proc` file that did not read as expected.
///
/// Cases carry the context (path, call, errno, offending line); `description` renders every
/// message, so tests can assert exact text and callers never format errors themselves.
public enum MeasurementError: Error, Equatable, CustomStringConvertible {
    /// A system call failed: `subject` is the path or program it was about, `errno` its error.
    case system(call: String, subject: String, errno: Int32)
    /// A file lacks a line the parser needs, e.g. no `VmRSS:` in `/proc/self/status`.
    case missingField(path: String, field: String)
    /// A line is there but its value is not what the kernel writes; `lineNumber` is 1-based.
    case malformedLine(path: String, lineNumber: Int, line: String, expected: String)

    public var description: String {
        switch self {
        case let .system(call, subject, code):
            return "\(subject): \(call) failed: \(String(cString: strerror(code)))"
        case let .missingField(path, field):
            return "\(path): no '\(field)' line"
        case let .malformedLine(path, lineNumber, line, expected):
            return "\(path):\(lineNumber): expected \(expected), found '\(line)'"
        }
    }
}
