import Contract

/// The first label applied to each issue, in 3 bits an issue (21 to a word): 0 for none, else
/// `Label.rawValue + 1`. Labels differ from issue to issue, so unlike the rest of the ledger they
/// cannot settle (`SettlingBytes`); packed, a million issues keep theirs in 372 KiB. Allocated and
/// written whole in `init`, so the memory is resident before a trial's peak is reset.
struct PackedLabels {
    private static let bits = 3
    private static let perWord = 64 / bits
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + Self.perWord - 1) / Self.perWord)
    }

    subscript(index: Int) -> Label? {
        get {
            let code = words[index / Self.perWord] >> Self.shift(index) & 7
            return code == 0 ? nil : Label(rawValue: UInt8(code - 1))
        }
        set {
            let code = UInt64(newValue.map { $0.rawValue + 1 } ?? 0)
            let word = index / Self.perWord, shift = Self.shift(index)
            words[word] = words[word] & ~(7 << shift) | code << shift
        }
    }

    private static func shift(_ index: Int) -> UInt64 {
        UInt64(index % perWord * bits)
    }
}
