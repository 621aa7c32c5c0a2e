/// Where a value sits in a document: `api.latencyMs.lognormal.p99`, `issues.counts[2]`.
struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    static let root = JSONPath(components: [])

    var components: [Component]

    func appending(_ key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }
    func appending(_ index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

    /// Keys joined by dots, indices in brackets; a key that is not a plain name is quoted so the
    /// path stays unambiguous: `engines["my engine"]`.
    var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let key) where Self.isPlain(key):
                if !out.isEmpty { out += "." }
                out += key
            case .key(let key):
                out += "[\(Phrase.quoted(key))]"
            case .index(let index):
                out += "[\(index)]"
            }
        }
        return out
    }

    /// How an error locates this path: the top level is the file itself.
    var location: ScenarioError.Location { components.isEmpty ? .file : .path(description) }

    /// Letters, digits, '_' and '-': keys that read unambiguously after a dot.
    static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { $0.isWordCharacter || $0 == UInt8(ascii: "-") }
    }
}
