from textscan.cli import main

main()
