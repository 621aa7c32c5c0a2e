import Contract

/// Why a virtual-clock trial could not finish. Each case says when, on the virtual clock, it
/// happened; the text is rendered here and nowhere else.
public enum VirtualClockError: Error, Equatable, CustomStringConvertible {
    /// No task is runnable and none sleeps on the clock, but the trial has not finished.
    case stalled(at: Moment)
    /// A task of the trial was resumed from another thread, so its timing would depend on the host.
    case resumedFromOutside(at: Moment)
    /// The trial finished while tasks still slept on the clock: a task outlived it.
    case leftSleeping(count: Int, at: Moment)
    /// The simulation took longer than `seconds` of real time.
    case hostTimeout(seconds: Double, at: Moment)

    public var description: String {
        switch self {
        case let .stalled(at):
            return "virtual clock stalled at \(at): no task is runnable and none is sleeping on the harness "
                + "clock, but the trial has not finished (an engine waited outside the harness clock, "
                + "e.g. on Task.sleep, or on a continuation nobody resumes)"
        case let .resumedFromOutside(at):
            return "virtual clock at \(at): a task of the trial was resumed from another thread (an engine "
                + "waited outside the harness clock, e.g. on Task.sleep, or on a continuation resumed "
                + "outside the trial), so its timing would depend on the host"
        case let .leftSleeping(count, at):
            return "virtual clock at \(at): the trial finished with \(count) task(s) still sleeping on the "
                + "harness clock (a task outlived the trial; engines must use structured concurrency)"
        case let .hostTimeout(seconds, at):
            return "virtual clock at \(at): the simulation ran longer than its host timeout of "
                + "\(format(seconds))s of real time"
        }
    }
}
