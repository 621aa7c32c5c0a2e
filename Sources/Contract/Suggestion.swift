/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo
/// (at most a third of the word's length, and at least 1 edit). Used for "did you mean …?" in
/// every unknown-name message: scenario keys, engines, tunables.
public func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
    let length = word.count
    let limit = max(1, length / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        // The distance is at least the difference in length: skipping what cannot be near keeps a
        // ten-megabyte word from costing minutes.
        guard abs(candidate.count - length) <= limit else { continue }
        let d = editDistance(word.lowercased(), candidate.lowercased())
        if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
    }
    return best?.name
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
