extension Verifier.Fault {
    /// The wrong results in what is left of the sink's `ResultSketch` once every right result was
    /// taken out: each wrong issue left two pairs (its delivered digest and its right one).
    ///
    /// When peeling emptied the sketch, those are all of them: exact count, first ids. Otherwise
    /// (more than a few hundred) the count is a lower bound — the pairs recovered, plus a pair for
    /// every three cells left (a pair fills one cell in each of the three parts), two pairs an
    /// issue — and the ids are those recovered.
    init(wrongResults difference: ResultSketch.Difference, _ what: String) {
        let ids = Set(difference.pairs.map(\.id)).sorted()
        self.init(what, Array(ids.prefix(5)), count: ids.count)
        guard difference.residualCells > 0 else { return }
        let pairs = difference.pairs.count + (difference.residualCells + ResultSketch.parts - 1) / ResultSketch.parts
        count = max(ids.count, (pairs + 1) / 2)
        isLowerBound = true
    }
}
