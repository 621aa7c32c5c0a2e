import Contract

/// A budget spent in fixed windows back to back, as GitHub's primary limit (`limit` per hour) and
/// its points-per-minute secondary limit work: nothing carries over, and the whole budget comes
/// back at once when a window ends.
struct FixedWindow {
    /// Length of every window after the first, in nanoseconds.
    let length: Int64
    /// Where the current window ends (exclusive), in nanoseconds on the trial's clock.
    private(set) var end: Int64
    /// Budget spent in the current window.
    var used: Int

    /// Windows of `length` after a first one that ends at `firstEnd` with `used` already spent.
    init(length: Span, firstEnd: Moment, used: Int = 0) {
        self.length = length.nanoseconds
        end = firstEnd.nanoseconds
        self.used = used
    }

    /// The moment the current window ends.
    var reset: Moment { Moment(nanoseconds: end) }

    /// Moves to the window holding `now`, emptying `used` if that is a later window.
    mutating func roll(to now: Moment) {
        guard now.nanoseconds >= end else { return }
        end += ((now.nanoseconds - end) / length + 1) * length
        used = 0
    }
}
