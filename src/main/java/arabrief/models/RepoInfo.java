package arabrief.models;

import java.util.Map;

/**
 * A repo revision as the Hub API describes it.
 *
 * @param commit the commit the revision resolves to, or null when the API did not say
 * @param files the repo's files by name
 */
public record RepoInfo(String commit, Map<String, RemoteFile> files) {}
