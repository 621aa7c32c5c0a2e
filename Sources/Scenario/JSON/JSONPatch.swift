/// A value to set at a path of a scenario document before it is decoded: how a sweep such as
/// `--vary api.latencyMs.fixed=1,10` derives each variant from one file. The patched document is
/// decoded like any other, so a path that leaves the schema meets the same unknown-key errors.
///
/// Setting a key that does not exist adds it (and any missing objects on the way), so
/// `runs.clock` can be patched into a file without a `runs` section.
public struct JSONPatch: Sendable, Equatable {
    /// Where to set the value, e.g. `api.latencyMs.fixed` or `issues.counts[0]`.
    public let path: String
    public let value: JSONValue
    private let components: [JSONPath.Component]

    /// `valueText` is JSON: `10`, `[1,2]`, `"virtual"` (strings need their quotes).
    public init(path: String, valueText: String) throws(ScenarioError) {
        guard let components = Self.components(of: path) else {
            throw ScenarioError(file: "", location: .file, problem: .mismatch(
                expected: "a path of keys and [index] such as api.latencyMs.fixed or issues.counts[0]",
                found: Phrase.verbatim(path)))
        }
        do {
            value = try JSONValue.parse(Array(valueText.utf8), file: "")
        } catch {
            throw ScenarioError(file: "", location: .path(path), problem: .mismatch(
                expected: #"a JSON value such as 10, [1,2] or "x" (strings in double quotes)"#,
                found: Phrase.verbatim(valueText)))
        }
        self.path = path
        self.components = components
    }

    /// Sets the value in `root`; `file` names the document in errors.
    func apply(to root: inout JSONValue, file: String) throws(ScenarioError) {
        try Self.set(value, at: components[...], in: &root, path: .root, file: file)
    }

    private static func set(_ value: JSONValue, at rest: ArraySlice<JSONPath.Component>, in node: inout JSONValue,
                            path: JSONPath, file: String) throws(ScenarioError) {
        guard let first = rest.first else {
            node = value
            return
        }
        let fail = { (expected: String, found: String) in
            ScenarioError(file: file, location: path.location, problem: .mismatch(expected: expected, found: found))
        }
        switch (first, node.kind) {
        case (.key(let key), .object(var members)):
            let childPath = path.appending(key)
            if let i = members.firstIndex(where: { $0.key == key }) {
                try set(value, at: rest.dropFirst(), in: &members[i].value, path: childPath, file: file)
            } else if case .index? = rest.dropFirst().first {
                throw ScenarioError(file: file, location: childPath.location,
                                    problem: .mismatch(expected: "an array", found: "nothing"))
            } else {
                var child = JSONValue(.object([]), at: value.position)
                try set(value, at: rest.dropFirst(), in: &child, path: childPath, file: file)
                members.append(JSONMember(key: key, value: child))
            }
            node.kind = .object(members)
        case (.index(let i), .array(var elements)):
            guard elements.indices.contains(i) else {
                throw fail("an array with an element [\(i)]", "an array of \(elements.count)")
            }
            try set(value, at: rest.dropFirst(), in: &elements[i], path: path.appending(i), file: file)
            node.kind = .array(elements)
        case (.key, _):
            throw fail("an object", node.summary)
        case (.index, _):
            throw fail("an array", node.summary)
        }
    }

    /// `a.b[2].c` as components; `nil` for an empty key, a bad index or a stray bracket.
    private static func components(of path: String) -> [JSONPath.Component]? {
        var components: [JSONPath.Component] = []
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            let parts = segment.split(separator: "[", omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard JSONPath.isPlain(key) else { return nil }
            components.append(.key(key))
            for index in parts.dropFirst() {
                guard index.last == "]", let i = Int(index.dropLast()), i >= 0 else { return nil }
                components.append(.index(i))
            }
        }
        return components
    }
}
