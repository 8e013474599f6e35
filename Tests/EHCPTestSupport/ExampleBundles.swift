import EHCPKit

extension RepositoryPaths {
    /// Every example bundle folder of the repository: the riverside request and each authority's examples.
    public static let exampleBundles: [String] = {
        var bundles = [examples + "/riverside-request"]
        for authority in FileAccess.list(localAuthorities) {
            let folder = localAuthorities + "/" + authority + "/examples"
            bundles += FileAccess.list(folder).map { folder + "/" + $0 }.filter(FileAccess.isDirectory)
        }
        return bundles
    }()
}
