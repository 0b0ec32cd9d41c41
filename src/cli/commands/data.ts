import type { Command } from 'commander';

// import, demo and analyze: filled in as those modules land.
export function dataCommands(_program: Command) {}
