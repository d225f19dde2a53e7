namespace Bielefeld.Etl.Jobs;

/// <summary>A pipeline file that could not be read; the pipeline is named after its file (<c>kaf.yml</c> → <c>kaf</c>).</summary>
/// <param name="Name">The pipeline's name, from the file name.</param>
/// <param name="Message">What is wrong, with file, line and column where the YAML parser knows them.</param>
public sealed record BrokenPipeline(string Name, string Message);
