import EHCPSource

/// A canonical document under construction: mappings by key, in the order first set.
final class CanonicalTree {
    private enum Child {
        case value(SourceNode)
        case tree(CanonicalTree)
        case list([SourceNode])
    }

    private var entries: [(key: String, child: Child)] = []
    private let location: SourceLocation

    init(location: SourceLocation) {
        self.location = location
    }

    var isEmpty: Bool { entries.isEmpty }

    /// True when a value is set at the dotted `path`.
    func has(_ path: String) -> Bool {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard let entry = entries.first(where: { $0.key == parts[0] }) else { return false }
        guard parts.count == 2 else { return true }
        if case .tree(let tree) = entry.child { return tree.has(parts[1]) }
        return false
    }

    func set(_ path: [String], _ value: SourceNode) {
        guard let key = path.first else { return }
        if path.count == 1 {
            entries.append((key, .value(value)))
            return
        }
        if let index = entries.firstIndex(where: { $0.key == key }), case .tree(let subtree) = entries[index].child {
            subtree.set(Array(path.dropFirst()), value)
        } else {
            let subtree = CanonicalTree(location: value.location)
            subtree.set(Array(path.dropFirst()), value)
            entries.append((key, .tree(subtree)))
        }
    }

    func setList(_ key: String, _ items: [SourceNode]) {
        entries.append((key, .list(items)))
    }

    func node() -> SourceNode {
        SourceNode(
            .mapping(
                entries.map { key, child in
                    let value: SourceNode
                    switch child {
                    case .value(let node): value = node
                    case .tree(let tree): value = tree.node()
                    case .list(let items): value = SourceNode(.sequence(items), location: items.first?.location ?? location)
                    }
                    return SourceNode.Entry(key: key, keyLocation: value.location, value: value)
                }), location: location)
    }
}
