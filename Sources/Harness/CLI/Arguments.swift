import Contract
import Foundation

/// A sub-command's options, declared once: parsing, `--help` and "did you mean" all read this.
public struct OptionSpec: Sendable {
    public var name: String
    /// The value's placeholder in help ("N", "a,b"); `nil` for a flag.
    public var value: String?
    public var repeatable: Bool
    public var help: String

    public init(_ name: String, value: String? = nil, repeatable: Bool = false, _ help: String) {
        self.name = name
        self.value = value
        self.repeatable = repeatable
        self.help = help
    }
}

/// Command-line words sorted into positionals, option values and flags.
public struct Arguments: Sendable {
    public var positionals: [String] = []
    public private(set) var values: [String: [String]] = [:]
    public private(set) var flags: Set<String> = []

    /// Parses `words` against `specs`. Accepts `--name value` and `--name=value`; `--` ends options.
    public init(_ words: [String], command: String, specs: [OptionSpec]) throws(HarnessError) {
        var i = 0
        var optionsEnded = false
        while i < words.count {
            let word = words[i]
            i += 1
            guard !optionsEnded, word.hasPrefix("-"), word != "-" else {
                positionals.append(word)
                continue
            }
            if word == "--" { optionsEnded = true; continue }
            let (name, inline) = Self.split(word)
            guard let spec = specs.first(where: { $0.name == name }) else {
                let hint = nearest(to: name, in: specs.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                throw .usage(command: command, message: "unknown option '\(name)'\(hint); see 'issuebench \(command) --help'")
            }
            guard spec.value != nil else {
                if inline != nil { throw .usage(command: command, message: "\(name) takes no value") }
                flags.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else if i < words.count {
                value = words[i]
                i += 1
            } else {
                throw .usage(command: command, message: "\(name) expects a value (\(spec.value!)), found nothing")
            }
            if !spec.repeatable, values[name] != nil {
                throw .usage(command: command, message: "\(name) given twice")
            }
            values[name, default: []].append(value)
        }
    }

    private static func split(_ word: String) -> (String, String?) {
        guard let eq = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<eq]), String(word[word.index(after: eq)...]))
    }

    public func value(_ name: String) -> String? { values[name]?.last }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
    public func has(_ name: String) -> Bool { flags.contains(name) }

    /// A whole-number option in `range`.
    public func int(_ name: String, in range: ClosedRange<Int>, command: String) throws(HarnessError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw .usage(command: command, message: "\(name): expected a whole number in \(range.lowerBound)...\(range.upperBound), found '\(text)'")
        }
        return n
    }

    /// A comma-separated list option, empty items rejected.
    public func list(_ name: String, command: String) throws(HarnessError) -> [String]? {
        guard let text = value(name) else { return nil }
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !items.contains(where: \.isEmpty) else {
            throw .usage(command: command, message: "\(name): expected a comma-separated list, found '\(text)'")
        }
        return items
    }
}

/// Renders a sub-command's `--help`.
public func helpText(usage: String, summary: String, specs: [OptionSpec], footer: String = "") -> String {
    var lines = ["usage: \(usage)", "", summary, ""]
    if !specs.isEmpty {
        lines.append("options:")
        let left = specs.map { spec in spec.value.map { "\(spec.name) \($0)" } ?? spec.name }
        let width = (left.map(\.count).max() ?? 0) + 2
        for (label, spec) in zip(left, specs) {
            let pad = String(repeating: " ", count: width - label.count)
            lines.append("  \(label)\(pad)\(spec.help)\(spec.repeatable ? " (repeatable)" : "")")
        }
    }
    if !footer.isEmpty { lines += ["", footer] }
    return lines.joined(separator: "\n")
}
