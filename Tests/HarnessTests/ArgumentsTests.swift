@testable import Harness
import Testing

struct ArgumentsTests {
    let specs = [
        OptionSpec("--engines", value: "a,b", "engines"),
        OptionSpec("--set", value: "E.P=V", repeatable: true, "override"),
        OptionSpec("--help", "help"),
    ]

    @Test func sortsPositionalsValuesAndFlags() throws {
        let args = try Arguments(["a.json", "--engines=phase1,phase3", "--set", "phase3.x=1", "--set", "phase3.y=2", "--help", "b.json"],
                                 command: "run", specs: specs)
        #expect(args.positionals == ["a.json", "b.json"])
        #expect(try args.list("--engines", command: "run") == ["phase1", "phase3"])
        #expect(args.all("--set") == ["phase3.x=1", "phase3.y=2"])
        #expect(args.has("--help"))
    }

    @Test func unknownOptionSuggestsTheNearest() {
        #expect(throws: HarnessError.usage(command: "run", message: "unknown option '--engine' (did you mean '--engines'?); see 'issuebench run --help'")) {
            try Arguments(["--engine", "phase1"], command: "run", specs: specs)
        }
    }

    @Test func missingValueIsAnError() {
        #expect(throws: HarnessError.usage(command: "run", message: "--engines expects a value (a,b), found nothing")) {
            try Arguments(["--engines"], command: "run", specs: specs)
        }
    }

    @Test func tunableOverrideParsing() throws {
        #expect(try TunableOverride(parsing: "phase3.maxConnections=8") == TunableOverride(engine: "phase3", parameter: "maxConnections", value: 8))
        #expect(throws: HarnessError.usage(command: "run", message: "--set phase3.maxConnections: expected a number, found 'many'")) {
            try TunableOverride(parsing: "phase3.maxConnections=many")
        }
        #expect(throws: HarnessError.usage(command: "run", message: "--set: expected ENGINE.PARAM=VALUE, found 'maxConnections=8'")) {
            try TunableOverride(parsing: "maxConnections=8")
        }
    }
}
