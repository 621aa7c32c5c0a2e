#if canImport(Glibc)
import Glibc
#endif

/// A trial process's own timeout: `SIGALRM` from an interval timer, left at its default action,
/// which ends the process.
///
/// No handler and no thread: it works when the engine blocks every thread, spins without
/// suspending, or waits on a continuation nobody resumes, and when the process can no longer
/// create threads (an address-space limit reached). The parent reads "killed by SIGALRM" as a
/// timeout. Only a trial's child process arms it: in any other process it would end that process.
enum ProcessAlarm {
    /// Ends this process with `SIGALRM` after `seconds` of real time, unless disarmed first.
    static func arm(seconds: Double) {
        signal(SIGALRM, SIG_DFL)
        var mask = sigset_t()
        sigemptyset(&mask)
        sigaddset(&mask, SIGALRM)
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        let whole = seconds.rounded(.down)
        var timer = itimerval()
        timer.it_value.tv_sec = Int(whole)
        timer.it_value.tv_usec = min(999_999, Int(((seconds - whole) * 1e6).rounded(.up)))
        if timer.it_value.tv_sec == 0, timer.it_value.tv_usec == 0 { timer.it_value.tv_usec = 1 }
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
    }

    static func disarm() {
        var timer = itimerval()
        setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
    }
}
