import Contract
import Testing

/// The one seeded generator the engines' jitter and the tests' data come from: its numbers may
/// never change, or virtual-clock results would stop matching their baseline.
@Suite struct SplitMix64Tests {
    @Test func seedZeroGivesTheReferenceOutput() {
        // The first numbers of Vigna's splitmix64.c from state 0.
        var random = SplitMix64(seed: 0)
        #expect([random.next(), random.next(), random.next()]
                == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func finaliseIsTheOutputOfOneStep() {
        var random = SplitMix64(seed: 7)
        #expect(random.next() == SplitMix64.finalize(7 &+ SplitMix64.gamma))
    }
}
