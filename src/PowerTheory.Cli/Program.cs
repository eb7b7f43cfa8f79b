Console.Error.WriteLine("powertheory: the command line is being built.");
return 1;
