/// The word tables text generation reads: every word's bytes in one array, and word references
/// (packed offset and length) arranged for each way a word is picked.
///
/// Built once per process. Two flat tables rather than arrays of strings, so that `TextWriter`
/// takes two buffer pointers and copies bytes without a retain or a bounds check per word; frozen
/// (see `FrozenBuffer`), so that copying the vocabulary retains nothing.
struct Vocabulary: Sendable {
    /// Every word's UTF-8 bytes, back to back, then `longestWord` bytes of padding so that a
    /// 16-byte load at any word stays inside the table.
    let bytes: FrozenBuffer<UInt8>
    /// Longest word allowed: `TextWriter` copies a word with one 16-byte move.
    static let longestWord = 16
    /// Word references, `offset << 8 | length`, in the sections below.
    let refs: FrozenBuffer<UInt32>

    /// Where each kind of pick finds its words in `refs`: plain integers, so a `TextWriter` holds
    /// them without retaining anything.
    let layout: Layout

    /// Sections of `refs`.
    struct Layout {
        /// `refs[0 ..< zipfSlots]`: a word for each of `zipfSlots` equally likely slots, rank r
        /// taking a share ∝ 1/(r + 2.7) (Zipf–Mandelbrot with s = 1, the usual fit for English):
        /// one table lookup per word, and a word mix that compresses like prose, not like a
        /// repeated string.
        static let zipfSlots = 4096
        /// The technical words, for identifiers, paths and stack frames (uniform picks).
        var technical: Range<Int>
        /// Where every word sorted by length starts.
        var byLength: Int
        /// `refs[fitting + n]` holds how many words are at most n bytes long, n in 0...longest.
        var fitting: Int
        var longest: Int
        var extensions: Range<Int>
    }

    /// Each topic's words in `refs`, by `Label.rawValue`; `.triage` has an empty range.
    let topics: FrozenBuffer<Range<Int>>

    /// The English vocabulary of `Vocabulary+Words.swift`.
    static let english = Vocabulary(
        ranked: rankedWords, technicalCount: technicalWords.count, topics: topicWords,
        extensions: fileExtensions)

    init(ranked: [String], technicalCount: Int, topics: [[String]], extensions: [String]) {
        var bytes: [UInt8] = []
        let zipfSlots = Layout.zipfSlots
        var refs = [UInt32](repeating: 0, count: zipfSlots)
        var offsets: [String: UInt32] = [:]
        func ref(_ word: String) -> UInt32 {
            if let known = offsets[word] { return known }
            precondition((1...Self.longestWord).contains(word.utf8.count),
                         "vocabulary word '\(word)' must be 1...\(Self.longestWord) bytes")
            let packed = UInt32(bytes.count) << 8 | UInt32(word.utf8.count)
            bytes.append(contentsOf: word.utf8)
            offsets[word] = packed
            return packed
        }
        let rankedRefs = ranked.map(ref)

        // Zipf slots: each word's share rounded, at least one slot each, the rest to rank 1.
        let weights = ranked.indices.map { 1 / (Double($0 + 1) + 2.7) }
        let total = weights.reduce(0, +)
        var slots = weights.map { max(1, Int((Double(zipfSlots) * $0 / total).rounded())) }
        slots[0] += zipfSlots - slots.reduce(0, +)
        var slot = 0
        for (rank, count) in slots.enumerated() {
            for _ in 0..<count { refs[slot] = rankedRefs[rank]; slot += 1 }
        }

        let technical = refs.count + ranked.count - technicalCount ..< refs.count + ranked.count
        refs += rankedRefs

        let byLength = refs.count
        let sorted = rankedRefs.sorted { ($0 & 0xFF, $0) < ($1 & 0xFF, $1) }
        refs += sorted
        let fitting = refs.count
        let longest = Int(sorted.last! & 0xFF)
        refs += (0...longest).map { n in UInt32(sorted.count { Int($0 & 0xFF) <= n }) }

        var topicRanges: [Range<Int>] = []
        for words in topics {
            topicRanges.append(refs.count ..< refs.count + words.count)
            refs += words.map(ref)
        }
        let extensionRange = refs.count ..< refs.count + extensions.count
        refs += extensions.map(ref)

        self.bytes = FrozenBuffer(bytes + repeatElement(0, count: Self.longestWord))
        self.refs = FrozenBuffer(refs)
        self.topics = FrozenBuffer(topicRanges)
        layout = Layout(technical: technical, byLength: byLength, fitting: fitting, longest: longest,
                        extensions: extensionRange)
    }
}
