/// Why a scenario file (or a patch to one) was rejected: which file, where in it, and what was
/// expected there. Every message is rendered here, one way:
///
///     s.json: api.latencyMs.lognormal.p99: expected a number >= median (8), found 2
///     s.json: api.latncyMs: unknown key; expected one of latencyMs, connectMs, … (did you mean 'latencyMs'?)
///     bad.json: line 3, column 5: expected ',' or '}' after an object member, found 'x'
///     nope.json: cannot read: No such file or directory
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the file the problem is.
    public enum Location: Sendable, Equatable {
        /// The file as a whole: it cannot be read, or its top-level value is wrong.
        case file
        /// A dotted JSON path, arrays indexed: `issues.counts[2]`.
        case path(String)
        /// A place in text that is not valid JSON.
        case position(TextPosition)
    }

    public enum Problem: Sendable, Equatable {
        /// A value (or its absence: `found` is "nothing") that does not fit.
        case mismatch(expected: String, found: String)
        /// A key the schema does not have; `expected` lists the keys it has there.
        case unknownKey(expected: [String], suggestion: String?)
        /// The OS refused to give the file's bytes; `reason` is its text, e.g. from `strerror`.
        case unreadable(reason: String)
    }

    /// The file as the user named it; empty for text that comes from no file (a patch's value).
    public var file: String
    public var location: Location
    public var problem: Problem

    public init(file: String, location: Location, problem: Problem) {
        self.file = file
        self.location = location
        self.problem = problem
    }

    public var description: String {
        var parts: [String] = []
        if !file.isEmpty { parts.append(file) }
        switch location {
        case .file: break
        case .path(let path): if !path.isEmpty { parts.append(path) }
        case .position(let position): parts.append(position.description)
        }
        switch problem {
        case let .mismatch(expected, found):
            parts.append("expected \(expected), found \(found)")
        case let .unknownKey(expected, suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            parts.append("unknown key; expected one of \(expected.joined(separator: ", "))\(hint)")
        case .unreadable(let reason):
            parts.append("cannot read: \(reason)")
        }
        return parts.joined(separator: ": ")
    }
}
