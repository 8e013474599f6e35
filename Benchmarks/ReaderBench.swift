import EHCPSource
import EHCPXML
import EHCPYAML
import Foundation

/// Times ehcp's YAML or XML reader alone on one file (into `SourceNode`s, as `validate` and
/// `convert` read them): the best of N reads from memory, in seconds.
///
/// Usage: reader-bench yaml|xml FILE [REPEATS]
/// Built by Benchmarks/run.sh against the release build's modules; the C counterpart is raw-readers.c.
@main
struct ReaderBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3, let data = FileManager.default.contents(atPath: arguments[2]) else {
            FileHandle.standardError.write(Data("usage: reader-bench yaml|xml FILE [REPEATS]\n".utf8))
            exit(2)
        }
        let bytes = [UInt8](data)
        let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            switch arguments[1] {
            case "xml": _ = try XMLReader.sourceNode(bytes, file: arguments[2], shape: .elementsAndItems)
            default: _ = try YAMLReader.document(bytes, file: arguments[2])
            }
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        print(String(format: "%.6f", best))
    }
}
