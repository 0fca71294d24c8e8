using System.Globalization;
using System.Xml.Linq;
using MindPeeker.Deployment.Tests.Kubernetes;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests.Docker;

/// <summary>
/// Without a Docker engine: each image the manifests run is built by a Dockerfile that publishes an existing executable
/// project, starts the dll that project produces, exposes the ports the pods declare, runs as the manifests' user,
/// and whose build context (after .dockerignore) holds every file the publish needs.
/// </summary>
public sealed class DockerfileTests
{
    /// <summary>Image repository in the manifests → the Dockerfile and <c>--target</c> (null: the last stage) that build it.</summary>
    private static readonly Dictionary<string, (string Dockerfile, string? Target)> Images = new(StringComparer.Ordinal)
    {
        ["mindpeeker/silo"] = ("src/Silo/Dockerfile", null),
        ["mindpeeker/silo-gpu"] = ("src/Silo/Dockerfile", "gpu"),
        ["mindpeeker/frontend"] = ("src/ApiFrontend/Dockerfile", null),
    };

    public static TheoryData<string> ImageNames => [.. Images.Keys];

    [Fact]
    public void Every_image_the_manifests_run_is_built_by_a_dockerfile_in_the_repository()
    {
        var used = Overlay.All.SelectMany(overlay => overlay.Render().Deployments)
            .SelectMany(deployment => deployment.Containers.Select(container => (deployment, Image: KustomizeRenderer.ImageName(container.Text("image") ?? string.Empty))))
            .ToList();

        used.Where(use => !Images.ContainsKey(use.Image))
            .Select(use => $"{use.deployment} runs image '{use.Image}', which no Dockerfile here builds.")
            .Should().BeEmpty();
        Images.Keys.Should().BeSubsetOf(used.Select(use => use.Image), "every Dockerfile builds an image some Deployment runs");
    }

    [Theory]
    [MemberData(nameof(ImageNames))]
    public void Dockerfile_publishes_an_executable_project_and_starts_the_dll_it_builds(string image)
    {
        var (path, target) = Images[image];
        var dockerfile = Dockerfile.Load(path);
        var stage = dockerfile.Target(target);
        var projectPath = dockerfile.PublishedProjects.Should().ContainSingle($"{dockerfile} runs dotnet publish on one .csproj").Subject;
        File.Exists(RepositoryFiles.FullPath(projectPath!)).Should().BeTrue($"{dockerfile} publishes {projectPath}, which must exist");

        var project = XDocument.Load(RepositoryFiles.FullPath(projectPath!));
        var isExecutable = project.Root!.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web"
                           || project.Descendants("OutputType").Any(element => element.Value == "Exe");
        isExecutable.Should().BeTrue($"{projectPath} must build an executable (Sdk.Web or OutputType Exe) for {dockerfile}'s 'dotnet <dll>' to start");

        // Directory.Build.props names every assembly MindPeeker.<project file name> unless the project overrides it.
        var assemblyName = project.Descendants("AssemblyName").LastOrDefault()?.Value
                           ?? $"MindPeeker.{Path.GetFileNameWithoutExtension(projectPath)}";
        dockerfile.EntryPoint(stage).Should().Equal(["dotnet", $"{assemblyName}.dll"], $"{dockerfile} stage {stage} must start the dll {projectPath} produces");
        dockerfile.HasAspNetCoreRuntime(stage).Should().BeTrue($"{dockerfile} stage {stage}: the process is an ASP.NET Core app (health endpoints) and needs that runtime");
    }

    [Theory]
    [MemberData(nameof(ImageNames))]
    public void Dockerfile_exposes_every_port_the_pods_declare_and_runs_as_their_user(string image)
    {
        var (path, target) = Images[image];
        var dockerfile = Dockerfile.Load(path);
        var stage = dockerfile.Target(target);
        var problems = new List<string>();
        foreach (var rendered in Overlay.All.Select(overlay => overlay.Render()))
        {
            foreach (var deployment in rendered.Deployments)
            {
                foreach (var container in deployment.Containers.Where(container => KustomizeRenderer.ImageName(container.Text("image") ?? string.Empty) == image))
                {
                    problems.AddRange(Pods.Ports(container).Where(port => !dockerfile.ExposedPorts(stage).Contains(port.Number))
                        .Select(port => $"{deployment} declares port {port.Number} ({port.Name}) of {image}, which {dockerfile} stage {stage} does not EXPOSE."));
                }
            }
        }

        problems.Should().BeEmpty();
        dockerfile.User(stage).Should().Be(TerminationAndSecurityTests.ImageUserId.ToString(CultureInfo.InvariantCulture),
            $"{dockerfile} stage {stage} runs as the non-root uid the manifests' runAsUser names");
    }

    [Theory]
    [MemberData(nameof(ImageNames))]
    public void Build_context_holds_everything_the_publish_needs_and_no_host_build_output(string image)
    {
        var dockerfile = Dockerfile.Load(Images[image].Dockerfile);
        var ignore = DockerIgnore.Load();
        var needed = new List<string>
        {
            "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "package.json", "package-lock.json",
        };
        foreach (var project in dockerfile.PublishedProjects.SelectMany(ProjectClosure))
        {
            needed.Add(project);
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
            needed.AddRange(Directory.EnumerateFiles(RepositoryFiles.FullPath(folder), "*.cs", SearchOption.TopDirectoryOnly)
                .Select(RepositoryFiles.Relative));
        }

        needed.Where(ignore.Excludes).Select(path => $".dockerignore leaves out {path}, which {dockerfile}'s publish needs.").Should().BeEmpty();
        foreach (var hostOutput in new[] { "src/Silo/bin/Release/net10.0/MindPeeker.Silo.dll", "src/Onnx/obj/project.assets.json", "node_modules/com.github.asus4.onnxruntime/package.json" })
        {
            ignore.Excludes(hostOutput).Should().BeTrue($".dockerignore must leave out {hostOutput}: host build outputs would break or bloat the Linux build");
        }
    }

    [Fact]
    public void Gpu_silo_image_carries_cuda_and_the_onnx_runtime_cuda_provider_and_runs_where_gpus_are()
    {
        var (path, target) = Images["mindpeeker/silo-gpu"];
        var dockerfile = Dockerfile.Load(path);
        var stage = dockerfile.Target(target);

        dockerfile.BaseImage(stage).Should().Contain("cuda").And.Contain("cudnn", $"{dockerfile} stage {stage}: ONNX Runtime's CUDA provider loads the CUDA runtime and cuDNN");
        var copiedFrom = dockerfile.EffectiveInstructions(stage).Where(instruction => instruction.Instruction == "COPY" && instruction.Arguments.Contains("/app", StringComparison.Ordinal))
            .Select(instruction => instruction.Arguments.Split(' ')[0].Replace("--from=", string.Empty, StringComparison.Ordinal))
            .Should().ContainSingle().Subject;
        dockerfile.EffectiveInstructions(dockerfile.Target(copiedFrom))
            .Should().Contain(instruction => instruction.Instruction == "RUN" && instruction.Arguments.Contains("com.github.asus4.onnxruntime.linux-x64-gpu", StringComparison.Ordinal),
                $"{dockerfile}: the application copied into stage {stage} is built with the CUDA provider plugin installed");

        foreach (var overlay in Overlay.All)
        {
            var expected = overlay.HasGpuNodes ? "mindpeeker/silo-gpu" : "mindpeeker/silo";
            foreach (var silo in overlay.Render().SilosWithRole("gpu"))
            {
                silo.PodSpec.Maps("containers").Select(container => KustomizeRenderer.ImageName(container.Text("image") ?? string.Empty))
                    .Should().Equal([expected], $"{silo} in overlay {overlay.Name} runs the {(overlay.HasGpuNodes ? "CUDA" : "CPU")} image");
            }
        }
    }

    /// <summary>The project and every project it references, transitively (repository-relative paths).</summary>
    private static IReadOnlyCollection<string> ProjectClosure(string projectPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([projectPath]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var full = RepositoryFiles.FullPath(current);
            File.Exists(full).Should().BeTrue($"{current} is referenced and must exist");
            foreach (var reference in XDocument.Load(full).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(RepositoryFiles.Relative(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, include))));
            }
        }

        return seen;
    }
}
