return PowerTheory.Cli.CliApp.Run(args, Console.Out, Console.Error);
