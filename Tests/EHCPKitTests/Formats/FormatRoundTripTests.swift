import EHCPSource
import EHCPTestSupport
import Testing

@testable import EHCPKit

/// canonical → F → canonical keeps every value F can hold, and the loss report names exactly the
/// fields F cannot hold, for every published authority format and many generated applications.
@Suite struct FormatRoundTripTests {
    static let registry: FormatRegistry = {
        (try? FormatRegistry.standard(catalog: RuleSetCatalog(directory: RepositoryPaths.localAuthorities))) ?? .canonicalOnly
    }()
    static let mapped: [MappedFormat] = registry.formats.compactMap { $0 as? MappedFormat }

    @Test func everyPublishedFormatLoads() throws {
        _ = try FormatRegistry.standard(catalog: RuleSetCatalog(directory: RepositoryPaths.localAuthorities))
        let syntaxes = Set(Self.mapped.map(\.definition.syntax))
        #expect(Self.mapped.count >= 5)
        #expect(syntaxes == Set(FormatDefinition.Syntax.allCases))
    }

    @Test(arguments: mapped.map(\.id)) func generatedApplicationsRoundTrip(_ id: String) throws {
        let format = try #require(Self.mapped.first { $0.id == id })
        var generator = ApplicationGenerator(random: SeededRandom(seed: UInt64(id.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) })))
        for run in 0..<150 {
            let application = generator.application()
            let (text, loss) = format.write(application)
            let back = try format.read(Array(text.utf8), file: "generated.\(format.fileExtension)")
            let errors = back.findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "run \(run): \(errors.map(\.message))")
            let expected = Expectation(format.definition, application)
            let actual = Leaves(back.application)
            #expect(actual == expected.kept, "run \(run): \(actual.difference(from: expected.kept))")
            let reported = Set(loss.entries.map(\.path))
            #expect(
                reported == expected.lostPaths,
                "run \(run): reported but kept \(reported.subtracting(expected.lostPaths).sorted()), lost but not reported \(expected.lostPaths.subtracting(reported).sorted())"
            )
            #expect(back.unknownFields.isEmpty)
        }
    }

    @Test func everyPairOfFormatsConvertsBothWays() throws {
        var generator = ApplicationGenerator(random: SeededRandom(seed: 2026))
        let applications = (0..<20).map { _ in generator.application() }
        for first in Self.mapped {
            for second in Self.mapped where second.id != first.id {
                for application in applications {
                    let viaFirst = try first.read(Array(first.write(application).text.utf8), file: "a.\(first.fileExtension)").application
                    let viaSecond = try second.read(Array(second.write(viaFirst).text.utf8), file: "b.\(second.fileExtension)").application
                    let expected = Expectation(second.definition, Expectation(first.definition, application).keptApplication).kept
                    #expect(Leaves(viaSecond) == expected, "\(first.id) → \(second.id): \(Leaves(viaSecond).difference(from: expected))")
                }
            }
        }
    }

    /// Every example request, converted to each authority format and back, keeps every value
    /// both sides can hold, and the loss report names exactly what the format cannot hold.
    @Test(arguments: mapped.map(\.id)) func examplesRoundTripThroughEachFormat(_ id: String) throws {
        let format = try #require(Self.mapped.first { $0.id == id })
        let documents = ExampleRoundTripTests.documents
        #expect(documents.count > 30)
        for path in documents {
            let application = try CanonicalYAMLFormat().read(FileAccess.read(path), file: path).application
            let (text, loss) = format.write(application)
            let back = try format.read(Array(text.utf8), file: "example.\(format.fileExtension)")
            let expected = Expectation(format.definition, application)
            #expect(Leaves(back.application) == expected.kept, "\(path) → \(id): \(Leaves(back.application).difference(from: expected.kept))")
            #expect(Set(loss.entries.map(\.path)) == expected.lostPaths, "\(path) → \(id)")
        }
    }

    @Test func authorityFormatsAreDetected() throws {
        let application = try CanonicalYAMLFormat().read(Array(try RepositoryPaths.text("Examples/riverside-request/application.yaml").utf8), file: "a.yaml")
            .application
        for format in Self.mapped {
            let text = format.write(application).text
            let detected = try Self.registry.detect(path: "request.\(format.fileExtension)", bytes: Array(text.utf8))
            #expect(detected.id == format.id)
        }
        let canonical = try CanonicalYAMLFormat().write(application).text
        #expect(try Self.registry.detect(path: "application.yaml", bytes: Array(canonical.utf8)).id == "canonical-yaml")
        #expect(throws: DiagnosticList.self) { try Self.registry.detect(path: "other.csv", bytes: Array("a,b\r\n1,2\r\n".utf8)) }
    }
}

/// The scalars of an application: single values by path, list items as non-empty dictionaries in order.
struct Leaves: Equatable, CustomStringConvertible {
    var values: [String: String] = [:]
    var lists: [String: [[String: String]]] = [:]

    init() {}

    init(_ application: Application) {
        for field in CanonicalSchema.root {
            guard let value = application.root[field.name] else { continue }
            if field.type.isList {
                lists[field.name] = (value.list ?? []).compactMap { item in
                    let flat = Self.flatten(item.record ?? Record(), prefix: "")
                    return flat.isEmpty ? nil : flat
                }
                if lists[field.name]!.isEmpty { lists[field.name] = nil }
            } else if let record = value.record {
                values.merge(Self.flatten(record, prefix: field.name + ".")) { $1 }
            } else {
                values[field.name] = value.comparableText
            }
        }
    }

    static func flatten(_ record: Record, prefix: String) -> [String: String] {
        var flat: [String: String] = [:]
        for (name, value) in record.fields {
            if let inner = value.record { flat.merge(flatten(inner, prefix: prefix + name + ".")) { $1 } } else { flat[prefix + name] = value.comparableText }
        }
        return flat
    }

    var description: String { "\(values) \(lists)" }

    /// The values that differ from `expected`, for failure messages.
    func difference(from expected: Leaves) -> String {
        let keys = Set(values.keys).union(expected.values.keys).filter { values[$0] != expected.values[$0] }
        var parts = keys.sorted().map { "\($0): \(String(describing: values[$0])) expected \(String(describing: expected.values[$0]))" }
        for name in Set(lists.keys).union(expected.lists.keys).sorted() where lists[name] != expected.lists[name] {
            parts.append("\(name): \(lists[name] ?? []) expected \(expected.lists[name] ?? [])")
        }
        return parts.joined(separator: "; ")
    }
}

/// What a format should keep of an application, worked out from its definition alone.
struct Expectation {
    var kept = Leaves()
    var lostPaths: Set<String> = []
    var keptApplication: Application

    init(_ definition: FormatDefinition, _ application: Application) {
        func writable(_ mappings: [ValueMapping], _ path: String) -> ValueMapping? {
            mappings.first { $0.canonicalPath == path && !$0.readOnly }
        }
        func keeps(_ mapping: ValueMapping?, _ value: String) -> Bool {
            guard let mapping else { return false }
            return !mapping.hasValueMap || mapping.writeMap[value] != nil
        }
        let all = Leaves(application)
        for (path, value) in all.values {
            // Read back, a document of any version ehcp reads is of the version it writes.
            if path == "schemaVersion" {
                kept.values[path] = CanonicalSchema.readableVersions.contains(value) ? CanonicalSchema.version : value
                continue
            }
            if let marker = definition.marker, path == marker.field {
                if value != marker.value { lostPaths.insert(path) }
                continue
            }
            // Converting to an authority's format sends the request there: not a loss.
            if path == "authority", definition.authority != nil, writable(definition.values, path) == nil { continue }
            if keeps(writable(definition.values, path), value) { kept.values[path] = value } else { lostPaths.insert(path) }
        }
        if let authority = definition.authority, writable(definition.values, "authority") == nil { kept.values["authority"] = authority }
        if let marker = definition.marker, let field = marker.field { kept.values[field] = marker.value }
        for field in CanonicalSchema.root where field.type.isList {
            let name = field.name
            let list = definition.lists.first { $0.canonicalPath == name }
            var keptItems: [[String: String]] = []
            // Indices count every item, empty ones too: an empty item still takes a CSV slot.
            let items = application.records(name).map { Leaves.flatten($0, prefix: "") }
            for (index, item) in items.enumerated() {
                var keptItem: [String: String] = [:]
                for (path, value) in item {
                    if let list, index < (list.max ?? Int.max), keeps(writable(list.fields, path), value) {
                        keptItem[path] = value
                    } else {
                        lostPaths.insert("\(name)[].\(path)")
                    }
                }
                if !keptItem.isEmpty { keptItems.append(keptItem) }
            }
            if !keptItems.isEmpty { kept.lists[name] = keptItems }
        }
        keptApplication = Expectation.application(from: kept)
    }

    /// An application holding exactly `leaves` (types from the schema).
    static func application(from leaves: Leaves) -> Application {
        func value(_ text: String, _ type: FieldType) -> Value {
            switch type {
            case .date: Value(.date(CalendarDate(iso: text)!))
            case .number, .integer: Value(.number(Double(text)!))
            case .boolean: Value(.boolean(text == "true"))
            default: Value(.text(text))
            }
        }
        func set(_ record: inout Record, _ parts: ArraySlice<Substring>, _ fields: [Field], _ text: String) {
            guard let name = parts.first, let field = fields.first(where: { $0.name == name }) else { return }
            if parts.count == 1 {
                record[field.name] = value(text, field.type)
                return
            }
            var inner = record[field.name]?.record ?? Record()
            set(&inner, parts.dropFirst(), field.type.children ?? [], text)
            record[field.name] = Value(.object(inner))
        }
        var root = Record()
        for (path, text) in leaves.values { set(&root, path.split(separator: ".")[...], CanonicalSchema.root, text) }
        for (name, items) in leaves.lists {
            let fields = CanonicalSchema.field(at: name)?.type.children ?? []
            root[name] = Value(
                .list(
                    items.map { item in
                        var record = Record()
                        for (path, text) in item { set(&record, path.split(separator: ".")[...], fields, text) }
                        return Value(.object(record))
                    }))
        }
        return Application(root: root, file: "expected")
    }
}
