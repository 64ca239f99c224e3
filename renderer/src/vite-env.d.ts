// Vite's client types: lets the renderer import CSS and assets.
/// <reference types="vite/client" />
