import Contract

/// A place in the document being decoded: the value there (`nil` when the key is absent), its JSON
/// path and the file. Every check goes through a field, so every error names file and path, and
/// says what was found in one consistent way.
///
/// Each field has one `expected` text whatever went wrong (wrong type, out of range, missing), so a
/// user who sees it once knows the rule: `runs.warmup: expected an integer in 0...100, found …`.
struct Field {
    let value: JSONValue?
    let path: JSONPath
    let file: String

    /// The document's top level.
    init(root: JSONValue, file: String) {
        self.init(value: root, path: .root, file: file)
    }

    init(value: JSONValue?, path: JSONPath, file: String) {
        self.value = value
        self.path = path
        self.file = file
    }

    /// The error for this field: `expected` is the rule, `found` defaults to what is here.
    func fail(expected: String, found: String? = nil) -> ScenarioError {
        ScenarioError(file: file, location: path.location,
                      problem: .mismatch(expected: expected, found: found ?? value?.summary ?? "nothing"))
    }

    /// The field when its key is present: `if let f = o["pageSize"].present { pageSize = try … }`
    /// keeps the default otherwise.
    var present: Field? { value == nil ? nil : self }

    // MARK: - Scalars

    /// A string that `isValid` accepts; `expected` describes both.
    func string(_ expected: String = "a string",
                where isValid: (String) -> Bool = { _ in true }) throws(ScenarioError) -> String {
        guard let text = value?.stringValue, isValid(text) else { throw fail(expected: expected) }
        return text
    }

    /// One of `choices`: `"wall" or "virtual"`, with a "did you mean" for a near miss.
    func string(oneOf choices: [String]) throws(ScenarioError) -> String {
        guard let text = value?.stringValue, choices.contains(text) else {
            let hint = value?.stringValue.flatMap { nearest(to: $0, in: choices) }.map { " (did you mean \"\($0)\"?)" }
            throw fail(expected: Phrase.choice(of: choices), found: (value?.summary ?? "nothing") + (hint ?? ""))
        }
        return text
    }

    /// One of an enumeration's raw values.
    func choice<E: CaseIterable & RawRepresentable>(_: E.Type) throws(ScenarioError) -> E where E.RawValue == String {
        let choices = E.allCases.map(\.rawValue)
        guard let choice = E(rawValue: try string(oneOf: choices)) else { throw fail(expected: Phrase.choice(of: choices)) }
        return choice
    }

    /// A whole number in `range`, written any way JSON allows (`1000`, `1e3`, `1000.0`).
    func integer<T: FixedWidthInteger>(in range: ClosedRange<T>) throws(ScenarioError) -> T {
        let expected = switch (range.lowerBound, range.upperBound) {
        case let (low, high) where low == high: "\(low)"
        case let (low, high) where high == T.max && low != T.min: "an integer >= \(low)"
        case let (low, high): "an integer in \(low)...\(high)"
        }
        return try integer(expected: expected, where: range.contains)
    }

    /// A whole number in `range` and at most `cap`. Past the cap is its own message, so that
    /// the range's (`an integer >= 1`) reads as it always did.
    func integer<T: FixedWidthInteger>(in range: ClosedRange<T>, atMost cap: T) throws(ScenarioError) -> T {
        let integer = try integer(in: range)
        guard integer <= cap else { throw fail(expected: "an integer <= \(cap)") }
        return integer
    }

    /// One of a few whole numbers: `403 or 429`.
    func integer(oneOf allowed: [Int]) throws(ScenarioError) -> Int {
        try integer(expected: allowed.map(String.init).joined(separator: " or "), where: allowed.contains)
    }

    private func integer<T: FixedWidthInteger>(expected: String, where isValid: (T) -> Bool) throws(ScenarioError) -> T {
        guard case .exact(let exact)? = value?.integral, let integer = T(exactly: exact), isValid(integer)
        else { throw fail(expected: expected) }
        return integer
    }

    /// A finite number that `rule` admits.
    func number(_ rule: NumberRule = .any) throws(ScenarioError) -> Double {
        guard let number = value?.doubleValue else { throw fail(expected: rule.expected) }
        // A literal beyond Double's range would satisfy ">= 0"; say what is really wrong with it.
        guard number.isFinite else { throw fail(expected: "a finite number") }
        guard rule.admits(number) else { throw fail(expected: rule.expected) }
        return number
    }

    /// A finite number that `rule` admits and that is at most `cap` (see `Cap`), which has its
    /// own message.
    func number(_ rule: NumberRule = .any, atMost cap: Double) throws(ScenarioError) -> Double {
        let number = try number(rule)
        guard number <= cap else { throw fail(expected: "a number <= \(format(cap))") }
        return number
    }

    // MARK: - Containers

    /// An object whose keys all belong to `keys`; the first other key is an error naming the keys
    /// there are (and the closest one). Checked before any value is read, so a misspelt required
    /// key is reported as the typo it is rather than as a missing key.
    func object(keys: [String], expected: String = "an object") throws(ScenarioError) -> ObjectReader {
        let members = try members(expected)
        if let unknown = members.first(where: { !keys.contains($0.key) }) {
            // Clipped: the key is the user's, and may be megabytes long.
            throw ScenarioError(file: file, location: path.appending(Phrase.clipped(unknown.key)).location,
                                problem: .unknownKey(expected: keys, suggestion: nearest(to: unknown.key, in: keys)))
        }
        return ObjectReader(object: self, members: members)
    }

    /// An object with free keys (engine names, tunables), in document order.
    func entries(_ expected: String, nonEmpty: Bool = false) throws(ScenarioError) -> [(key: String, field: Field)] {
        let members = try members(expected)
        guard !nonEmpty || !members.isEmpty else { throw fail(expected: expected) }
        return members.map { (key: $0.key, field: Field(value: $0.value, path: path.appending($0.key), file: file)) }
    }

    /// An array's elements as fields.
    func array(_ expected: String, nonEmpty: Bool = false) throws(ScenarioError) -> [Field] {
        guard case .array(let elements)? = value?.kind, !nonEmpty || !elements.isEmpty else {
            throw fail(expected: expected)
        }
        return elements.enumerated().map { Field(value: $1, path: path.appending($0), file: file) }
    }

    private func members(_ expected: String) throws(ScenarioError) -> [JSONMember] {
        guard case .object(let members)? = value?.kind else { throw fail(expected: expected) }
        return members
    }
}

extension [Field] {
    /// Each element read with `read`, in order; a value that was already listed is an error at
    /// its repeat.
    func decodedDistinct<T: Hashable>(_ read: (Field) throws(ScenarioError) -> T) throws(ScenarioError) -> [T] {
        var seen: Set<T> = []
        var out: [T] = []
        for field in self {
            let value = try read(field)
            guard seen.insert(value).inserted else { throw field.fail(expected: "a value not listed before") }
            out.append(value)
        }
        return out
    }
}
