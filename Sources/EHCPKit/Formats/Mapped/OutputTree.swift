import EHCPSource
import EHCPXML

/// A document under construction for writing: keys in the order first set, each holding a
/// value, a nested tree, or repeated items.
final class OutputTree {
    private enum Child {
        case value(OutputNode)
        case tree(OutputTree)
        case items([OutputTree])
    }

    private var entries: [(key: String, child: Child)] = []

    func set(_ steps: ArraySlice<String>, _ node: OutputNode) {
        guard let key = steps.first else { return }
        if steps.count == 1 {
            if let entry = entries.first(where: { $0.key == key }), case .tree(let tree) = entry.child {
                tree.set(["."], node)
            } else {
                entries.append((key, .value(node)))
            }
        } else {
            subtree(key).set(steps.dropFirst(), node)
        }
    }

    func append(_ steps: ArraySlice<String>, _ item: OutputTree) {
        guard let key = steps.first else { return }
        if steps.count > 1 {
            subtree(key).append(steps.dropFirst(), item)
        } else if let index = entries.firstIndex(where: { $0.key == key }), case .items(let items) = entries[index].child {
            entries[index].child = .items(items + [item])
        } else {
            entries.append((key, .items([item])))
        }
    }

    /// The tree at `key`; a value already there becomes its text (`.`), as an element with attributes.
    private func subtree(_ key: String) -> OutputTree {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            switch entries[index].child {
            case .tree(let tree): return tree
            case .value(let node):
                let tree = OutputTree()
                tree.set(["."], node)
                entries[index].child = .tree(tree)
                return tree
            case .items: break
            }
        }
        let tree = OutputTree()
        entries.append((key, .tree(tree)))
        return tree
    }

    /// The text set at a top-level key (CSV columns).
    func text(at key: String) -> String? {
        guard let entry = entries.first(where: { $0.key == key }), case .value(let node) = entry.child else { return nil }
        return node.text
    }

    func outputNode() -> OutputNode {
        .mapping(
            entries.map { key, child in
                switch child {
                case .value(let node): (key, node)
                case .tree(let tree): (key, tree.outputNode())
                case .items(let items): (key, .sequence(items.map { $0.outputNode() }))
                }
            })
    }

    func element(name: String, namespace: String?) -> XMLTree.Element {
        var element = XMLTree.Element(name: name, namespace: namespace)
        for (key, child) in entries {
            switch child {
            case .value(let node) where key.hasPrefix("@"):
                element.attributes.append(.init(name: String(key.dropFirst()), value: node.text))
            case .value(let node) where key == ".":
                element.text = node.text
            case .value(let node):
                element.children.append(XMLTree.Element(name: key, namespace: namespace, text: node.text))
            case .tree(let tree):
                element.children.append(tree.element(name: key, namespace: namespace))
            case .items(let items):
                element.children += items.map { $0.element(name: key, namespace: namespace) }
            }
        }
        return element
    }
}

extension OutputNode {
    /// The scalar as text (XML and CSV write every value as text).
    var text: String {
        switch self {
        case .string(let text), .number(let text), .date(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        case .mapping, .sequence: ""
        }
    }
}
