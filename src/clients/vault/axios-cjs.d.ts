// axios's CommonJS build, which node-vault requires; only what we touch.
declare module 'axios/dist/node/axios.cjs' {
  const axios: { defaults: { proxy?: false } }
  export default axios
}
