import Measurement
import Scenario

/// The verdict on one row, and on each of its figures.
extension RegressionCheck {
    /// `scenario`: the relative thresholds the current results record for the row's scenario.
    func compare(_ before: MergedResults.Row, _ now: MergedResults.Row, label: String,
                 scenario: RelativeThresholds) -> RowComparison {
        let (old, new) = (before.summary, now.summary)
        var notes: [CheckNote] = []
        if !new.verified { notes.append(.failedVerification(reasons: new.failures)) }
        if !old.verified { notes.append(.baselineFailedVerification(reasons: old.failures)) }
        if old.tuning != new.tuning { notes.append(.tuningDiffers(baseline: old.tuning, current: new.tuning)) }
        if new.clock == "wall", let speed = Self.speedNote(old.speedProbeMilliseconds, new.speedProbeMilliseconds) {
            notes.append(speed)
        }
        if old.repetitions == 0 { notes.append(.noPassingRepetition(.baseline)) }
        if new.repetitions == 0 { notes.append(.noPassingRepetition(.current)) }
        let comparable = old.repetitions > 0 && new.repetitions > 0
        let acrossEnvironments = !Self.environmentNotes(before.environment, now.environment).isEmpty
        let metrics = comparable
            ? options.metrics.compactMap { metric in
                judge(metric, before, now, threshold: options.thresholdPercent(for: metric, scenario: scenario),
                      acrossEnvironments: acrossEnvironments)
            } : []
        return RowComparison(row: now.key, label: label, clock: new.clock, verified: new.verified,
                             baselineVerified: old.verified, metrics: metrics, notes: notes)
    }

    /// A note when both sides probed the machine's speed and the medians differ by more than
    /// `ReportTable.speedChangeFactor`.
    static func speedNote(_ baseline: Spread?, _ current: Spread?) -> CheckNote? {
        guard let old = baseline?.median, let new = current?.median, min(old, new) > 0,
              max(old, new) > min(old, new) * ReportTable.speedChangeFactor else { return nil }
        return .machineSpeedDiffers(baselineMilliseconds: old, currentMilliseconds: new)
    }

    /// `nil` when either side lacks the figure (efficiency without a bound).
    private func judge(_ metric: Metric, _ before: MergedResults.Row, _ now: MergedResults.Row, threshold: Double,
                       acrossEnvironments: Bool) -> MetricComparison? {
        guard let old = metric.value(of: before.summary), let new = metric.value(of: now.summary) else { return nil }
        let baselineSamples = metric.samples(of: before.summary, trials: before.trials)
        let currentSamples = metric.samples(of: now.summary, trials: now.trials)
        let shifted = Self.exceeds(old, new, threshold)
            ? ((metric.prefersLarger ? new > old : new < old) ? CheckStatus.improvement : .regression) : .pass
        var method = MetricComparison.Method.exact
        var status = shifted
        var notes: [CheckNote] = []
        var test: MannWhitneyResult?
        // Only figures on the virtual clock are deterministic; the rest carry the host's noise.
        if now.summary.clock != ClockMode.virtual.rawValue || !metric.isOnTrialClock {
            let outliers = (OutlierRule.outliers(in: baselineSamples), OutlierRule.outliers(in: currentSamples))
            if baselineSamples.isEmpty || currentSamples.isEmpty {
                method = .thresholdOnly
                notes.append(.noRepetitionFigures(baselineSamples.isEmpty ? .baseline : .current))
            } else if !SignificanceTest.canReach(options.alpha, baselineSamples.count, currentSamples.count) {
                method = .thresholdOnly
                notes.append(.tooFewRepetitions(baseline: baselineSamples.count, current: currentSamples.count,
                                                needed: SignificanceTest.repetitionsNeeded(for: options.alpha),
                                                alpha: options.alpha))
            } else {
                method = .significance
                let result = Statistics.mannWhitneyU(currentSamples, baselineSamples)
                test = result
                if shifted != .pass, result.pValue >= options.alpha {
                    status = .pass
                    notes.append(.withinNoise(pValue: result.pValue, alpha: options.alpha))
                }
            }
            if !outliers.0.isEmpty || !outliers.1.isEmpty {
                notes.append(.outliers(baseline: outliers.0, current: outliers.1))
            }
            if acrossEnvironments { notes.append(.acrossEnvironments) }
        }
        return MetricComparison(
            metric: metric, baseline: old, current: new, changePercent: Self.changePercent(old, new),
            thresholdPercent: threshold, method: method, baselineSamples: baselineSamples.count,
            currentSamples: currentSamples.count, pValue: test?.pValue, effectSize: test?.rankBiserial, notes: notes,
            status: ([status] + notes.map(\.status)).max()!)
    }

    /// (new − old) / old in percent; `nil` for a change from 0 to anything else.
    static func changePercent(_ old: Double, _ new: Double) -> Double? {
        guard old != 0 else { return new == 0 ? 0 : nil }
        return (new - old) / old * 100
    }

    /// Whether `new` lies beyond `old` ± `percent` %, on either side. Written as products rather
    /// than as the relative change, so that a change of exactly the threshold (95 against 100 at
    /// 5 %) is not pushed over it by rounding.
    static func exceeds(_ old: Double, _ new: Double, _ percent: Double) -> Bool {
        let fraction = percent / 100
        return new > old * (1 + fraction) || new < old * (1 - fraction)
    }
}
