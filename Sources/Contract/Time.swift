/// A point on a trial's clock, in nanoseconds since the trial's origin.
///
/// Points and amounts are different types (as swift-nio's `NIODeadline` and `TimeAmount`) so that
/// adding two points, or sleeping "until 5 ms", cannot compile.
public struct Moment: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// The trial's origin: the moment its clock was created.
    public static let origin = Moment(nanoseconds: 0)

    public var seconds: Double { Double(nanoseconds) / 1e9 }

    public static func < (a: Moment, b: Moment) -> Bool { a.nanoseconds < b.nanoseconds }
    public static func + (a: Moment, b: Span) -> Moment { Moment(nanoseconds: a.nanoseconds &+ b.nanoseconds) }
    public static func - (a: Moment, b: Span) -> Moment { Moment(nanoseconds: a.nanoseconds &- b.nanoseconds) }
    public static func - (a: Moment, b: Moment) -> Span { Span(nanoseconds: a.nanoseconds &- b.nanoseconds) }

    public var description: String { "t=\(seconds)s" }
}

/// An amount of time in nanoseconds.
public struct Span: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public static let zero = Span(nanoseconds: 0)

    public static func seconds(_ s: Double) -> Span { Span(nanoseconds: Int64((s * 1e9).rounded())) }
    public static func milliseconds(_ ms: Double) -> Span { Span(nanoseconds: Int64((ms * 1e6).rounded())) }
    public static func microseconds(_ us: Double) -> Span { Span(nanoseconds: Int64((us * 1e3).rounded())) }

    public var seconds: Double { Double(nanoseconds) / 1e9 }
    public var milliseconds: Double { Double(nanoseconds) / 1e6 }

    public static func < (a: Span, b: Span) -> Bool { a.nanoseconds < b.nanoseconds }
    public static func + (a: Span, b: Span) -> Span { Span(nanoseconds: a.nanoseconds &+ b.nanoseconds) }
    public static func - (a: Span, b: Span) -> Span { Span(nanoseconds: a.nanoseconds &- b.nanoseconds) }
    public static func * (a: Span, k: Int64) -> Span { Span(nanoseconds: a.nanoseconds &* k) }

    public var description: String { "\(milliseconds)ms" }
}
